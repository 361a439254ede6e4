import { describe, expect, it } from 'vitest';
import { en } from './en.js';
import { zhCN } from './zh-CN.js';

const placeholders = (text: string): string[] => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1] ?? '').sort();

describe('web message catalogs', () => {
  it('have the same keys in Chinese and English', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zhCN).sort());
  });

  it('use the same placeholders in both languages and leave no text empty', () => {
    for (const [key, chinese] of Object.entries(zhCN)) {
      const english = en[key as keyof typeof zhCN];
      expect(placeholders(english), key).toEqual(placeholders(chinese));
      expect(chinese.trim(), key).not.toBe('');
      expect(english.trim(), key).not.toBe('');
    }
  });

  it('label the language switch with the other language', () => {
    expect(zhCN['language.switch']).toBe('English');
    expect(en['language.switch']).toBe('中文');
  });
});
