import i18next, { type TFunction } from 'i18next';
import { resources } from './resources.js';

/** A translator for one language, for unit tests of the formatters (no React, no DOM). */
export function translatorFor(language: 'en' | 'uk'): TFunction {
  const instance = i18next.createInstance();
  void instance.init({
    resources,
    lng: language,
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  return instance.getFixedT(language);
}
