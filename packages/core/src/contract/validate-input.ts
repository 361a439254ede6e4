import { z } from 'zod';
import type { Locale } from '../i18n/locale.js';

const ZOD_LOCALES: Readonly<Record<Locale, () => { localeError: z.core.$ZodErrorMap }>> = {
  'zh-CN': z.locales.zhCN,
  en: z.locales.en,
};

export interface InputProblem {
  readonly code: string;
  readonly message: string;
  readonly path: readonly string[];
}

export type ValidatedInput<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problems: InputProblem[] };

/** Checks request input against its contract schema, with zod's messages in `locale`. */
export function validateInput<S extends z.ZodType>(schema: S, value: unknown, locale: Locale): ValidatedInput<z.output<S>> {
  const result = schema.safeParse(value, { error: ZOD_LOCALES[locale]().localeError });
  if (result.success) return { ok: true, value: result.data };
  return {
    ok: false,
    problems: result.error.issues.map((item) => ({ code: item.code, message: item.message, path: item.path.map(String) })),
  };
}
