import { useTranslation } from 'react-i18next';
import { localeOf, toLanguage, type Language } from './language.js';

export function useLanguage(): Language {
  const { i18n } = useTranslation();
  return toLanguage(i18n.resolvedLanguage ?? i18n.language);
}

/** The Intl locale of the active language: en-GB or uk-UA. */
export function useLocale(): string {
  return localeOf(useLanguage());
}
