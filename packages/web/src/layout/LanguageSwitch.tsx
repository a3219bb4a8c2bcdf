import { useTranslation } from 'react-i18next';
import { LANGUAGES } from '../i18n/language.js';
import { useLanguage } from '../i18n/useLanguage.js';

/** Each language is named in itself, so a reader can find theirs whichever is active. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const active = useLanguage();
  return (
    <div className="language-switch" role="group" aria-label={t('language.label')}>
      {LANGUAGES.map((language) => (
        <button
          key={language}
          type="button"
          lang={language}
          aria-pressed={language === active}
          onClick={() => void i18n.changeLanguage(language)}
        >
          {t(`language.${language}`)}
        </button>
      ))}
    </div>
  );
}
