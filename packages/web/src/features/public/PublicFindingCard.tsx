import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Finding } from '../../api/types.js';
import { useLanguage } from '../../i18n/useLanguage.js';
import { SeverityBadge } from '../analysis/FindingCard.js';
import type { Names } from '../analysis/useNames.js';
import { portalPath } from './links.js';

/** A finding as the public reads it: what is wrong, what to do, and the clauses, linked to the portal's pages. */
export function PublicFindingCard({ finding, names }: { finding: Finding; names: Names }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const headingId = useId();
  const message = language === 'uk' && finding.messageUk ? finding.messageUk : finding.message;
  const remedy = language === 'uk' ? (finding.remedyUk ?? finding.remedy) : finding.remedy;
  const english = (translated: string | undefined) => (language === 'uk' && !translated ? 'en' : undefined);
  return (
    <article className={`finding finding--${finding.severity}`} aria-labelledby={headingId} data-code={finding.code}>
      <h3 id={headingId} className="finding-title">
        <SeverityBadge severity={finding.severity} /> {names.code(finding.code)}
      </h3>
      <p className="finding-message" lang={english(finding.messageUk)}>
        {message}
      </p>
      {remedy ? (
        <p className="finding-remedy">
          <strong>{t('analysis.remedy')}:</strong> <span lang={english(finding.remedyUk)}>{remedy}</span>
        </p>
      ) : null}
      {finding.clauses.length > 0 ? (
        <p className="finding-clauses">
          {t('analysis.clausesHeading')}:{' '}
          {finding.clauses.map((clause, index) => (
            <span key={`${clause.agreementId}-${clause.ref}`}>
              {index > 0 ? t('common.listSeparator') : null}
              <Link to={portalPath.agreement(clause.agreementId)} title={names.agreementTitle(clause.agreementId)}>
                {names.agreement(clause.agreementId)}
              </Link>{' '}
              {t('analysis.clauseRef', { ref: clause.ref })}
            </span>
          ))}
        </p>
      ) : null}
    </article>
  );
}
