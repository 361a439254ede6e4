import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import 'dayjs/locale/en';
import { t as coreMessage, type Locale, type Role } from '@retail-value/core';
import { en } from './en.js';
import { zhCN, type WebMessageKey } from './zh-CN.js';

const STORAGE_KEY = 'retail-value.locale';
const CATALOGS: Readonly<Record<Locale, Readonly<Record<WebMessageKey, string>>>> = { 'zh-CN': zhCN, en };

export type Translate = (key: WebMessageKey, params?: Readonly<Record<string, string | number>>) => string;

interface I18n {
  readonly locale: Locale;
  readonly setLocale: (locale: Locale) => void;
  readonly t: Translate;
  /** Role names come from the core catalog, shared with the CLI. */
  readonly roleLabel: (role: Role) => string;
}

const I18nContext = createContext<I18n | undefined>(undefined);

function storedLocale(): Locale {
  try {
    return window.localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

/** zh-CN unless the user chose English before; the choice is kept in localStorage. */
export function I18nProvider({ children }: { readonly children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(storedLocale);

  useEffect(() => {
    document.documentElement.lang = locale;
    dayjs.locale(locale === 'en' ? 'en' : 'zh-cn');
  }, [locale]);

  const setLocale = useCallback((next: Locale) => {
    try {
      window.localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Private windows may refuse storage; the choice then lasts for this page only.
    }
    setLocaleState(next);
  }, []);

  const value = useMemo<I18n>(() => {
    const table = CATALOGS[locale];
    const t: Translate = (key, params = {}) =>
      table[key].replace(/\{(\w+)\}/g, (whole, name: string) => (params[name] === undefined ? whole : String(params[name])));
    const roleLabel = (role: Role): string => {
      const label = coreMessage(locale, `role.${role}`);
      // The shared catalog words roles for running text; labels on their own start with a capital.
      return locale === 'en' ? label.charAt(0).toUpperCase() + label.slice(1) : label;
    };
    return { locale, setLocale, t, roleLabel };
  }, [locale, setLocale]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (i18n === undefined) throw new Error('useI18n outside I18nProvider');
  return i18n;
}
