export * from './i18n/locale.js';
export * from './i18n/messages.js';
export * from './issues/issue.js';
