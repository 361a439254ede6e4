import type { Locale } from './locale.js';
import { commonMessages } from './catalogs/common.js';
import { accountMessages } from './catalogs/accounts.js';
import { httpMessages } from './catalogs/http.js';
import { methodsMessages } from './catalogs/methods.js';
import { schemeMessages } from './catalogs/scheme.js';
import { evaluationMessages } from './catalogs/evaluation.js';
import { demoMessages } from './catalogs/demo.js';
import { clvMessages } from './catalogs/clv.js';
import { importMessages } from './catalogs/import.js';
import { dynamicsMessages } from './catalogs/dynamics.js';
import { customerMessages } from './catalogs/customers.js';
import { runsMessages } from './catalogs/runs.js';

/**
 * Every area's catalog, merged. An area adds its catalog file under
 * `catalogs/` and lists it here.
 */
const CATALOGS = [commonMessages, schemeMessages, evaluationMessages, methodsMessages, accountMessages, httpMessages, demoMessages, clvMessages, importMessages, dynamicsMessages, runsMessages, customerMessages] as const;

type KeysOf<C> = C extends { readonly 'zh-CN': Readonly<Record<infer K, string>> } ? K : never;
export type MessageKey = KeysOf<(typeof CATALOGS)[number]>;

function merge(locale: Locale): Readonly<Record<string, string>> {
  const table: Record<string, string> = {};
  for (const catalog of CATALOGS) {
    for (const [key, text] of Object.entries(catalog[locale])) {
      if (key in table) throw new Error(`duplicate message key ${key}`);
      table[key] = text;
    }
  }
  return Object.freeze(table);
}

export const MESSAGES: Readonly<Record<Locale, Readonly<Record<string, string>>>> = Object.freeze({
  'zh-CN': merge('zh-CN'),
  en: merge('en'),
});

export type MessageParams = Readonly<Record<string, string | number | undefined>>;

/** Renders a message with `{name}` placeholders; unknown keys render as the key itself. */
export function t(locale: Locale, key: MessageKey | string, params: MessageParams = {}): string {
  const template = MESSAGES[locale][key] ?? MESSAGES['zh-CN'][key] ?? key;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}
