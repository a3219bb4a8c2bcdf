import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { resources } from './resources.js';
import { initialLanguage, localeOf, readStoredLanguage, rememberLanguage, toLanguage } from './language.js';

export const i18n = i18next.createInstance();

function applyLanguage(tag: string): void {
  const language = toLanguage(tag);
  document.documentElement.lang = language;
  document.documentElement.dataset['locale'] = localeOf(language);
  rememberLanguage(language);
}

i18n.on('languageChanged', applyLanguage);

// Resources are bundled, so initialisation completes synchronously before the first render.
void i18n.use(initReactI18next).init({
  resources,
  lng: initialLanguage(readStoredLanguage(), navigator.languages),
  fallbackLng: 'en',
  supportedLngs: ['en', 'uk'],
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
});

applyLanguage(i18n.language);
