import type en from './en.json';

// Type-checks translation keys against the English file, so a missing label is a compile error.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof en };
  }
}
