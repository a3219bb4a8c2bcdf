import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../i18n/useLanguage.js';
import { briefingHref, type BriefingTarget } from './briefingHref.js';

/**
 * "Briefing (PDF)" and "(Markdown)" for the network, a partner or a coalition, in the language the
 * page is read in. The browser sends the session, so the briefing counts what this reader may see.
 */
export function BriefingLinks({ target, label }: { target: BriefingTarget; label: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <p className="briefing-links table-tools">
      <span className="muted">{t('briefingLinks.lead')}</span>{' '}
      <a className="button-small" href={briefingHref('pdf', target, language)} download>
        {t('briefingLinks.pdf')}
        <span className="visually-hidden">: {label}</span>
      </a>{' '}
      <a className="button-small" href={briefingHref('md', target, language)} download>
        {t('briefingLinks.markdown')}
        <span className="visually-hidden">: {label}</span>
      </a>
    </p>
  );
}
