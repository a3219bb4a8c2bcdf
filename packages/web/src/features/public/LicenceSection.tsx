import { useTranslation } from 'react-i18next';
import type { PublicIndex } from '../../api/publicClient.js';
import { useFormatters } from '../../format/useFormatters.js';
import { useLanguage } from '../../i18n/useLanguage.js';
import { CopyButton } from './CopyButton.js';

/** The licence and how to cite the data, as the API words them (in English), with a copy button. */
export function LicenceSection({ index }: { index: PublicIndex }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const language = useLanguage();
  const english = language === 'uk' ? 'en' : undefined;
  return (
    <section aria-labelledby="licence" className="portal-section portal-licence">
      <h2 id="licence" tabIndex={-1}>
        {t('public.data.licenceHeading')}
      </h2>
      {index.dataAsOf ? <p className="muted">{t('public.data.dataAsOf', { date: format.date(index.dataAsOf) })}</p> : null}
      {language === 'uk' ? <p className="note">{t('public.data.englishOnly')}</p> : null}
      <h3>{t('public.data.licence')}</h3>
      <p lang={english}>{index.licence}</p>
      <h3>{t('public.data.citation')}</h3>
      <blockquote className="citation" lang={english}>
        {index.citation}
      </blockquote>
      <CopyButton text={index.citation} label={t('public.data.copyCitation')} />
    </section>
  );
}
