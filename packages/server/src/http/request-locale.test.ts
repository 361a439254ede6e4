import { describe, expect, it } from 'vitest';
import { requestLocale } from './request-locale.js';

describe('requestLocale', () => {
  it('prefers ?lang=, then Accept-Language by quality, then Chinese', () => {
    expect(requestLocale('en', 'zh-CN')).toBe('en');
    expect(requestLocale('zh-CN', 'en')).toBe('zh-CN');
    expect(requestLocale(undefined, 'en-GB,en;q=0.9')).toBe('en');
    expect(requestLocale(undefined, 'zh-CN,zh;q=0.9,en;q=0.8')).toBe('zh-CN');
    expect(requestLocale(undefined, 'fr;q=1, en;q=0.5, zh;q=0.7')).toBe('zh-CN');
    expect(requestLocale(undefined, 'fr, en;q=0.5')).toBe('en');
    expect(requestLocale(undefined, 'de')).toBe('zh-CN');
    expect(requestLocale(undefined, undefined)).toBe('zh-CN');
  });
});
