import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CoalitionView } from '../../api/types.js';
import { ConfidenceBadge, confidenceField } from '../../components/ConfidenceBadge.js';
import { SourceLinks } from '../../components/SourceLinks.js';
import { useFormatters } from '../../format/useFormatters.js';
import { useLanguage } from '../../i18n/useLanguage.js';
import { usePartnerName } from '../partners/queries.js';

export function CoalitionCard({ coalition }: { coalition: CoalitionView }) {
  const partnerName = usePartnerName();
  return (
    <CoalitionCardView coalition={coalition} partnerName={partnerName} href={`/coalitions/${encodeURIComponent(coalition.id)}`} />
  );
}

/** A coalition at a glance; `href` is where "open" leads (none on the public portal, which has no roadmap page). */
export function CoalitionCardView({
  coalition,
  partnerName,
  href,
  id,
  openSources = false,
  children,
}: {
  coalition: CoalitionView;
  partnerName: (code: string) => string;
  href?: string;
  id?: string;
  /** Sources shown rather than folded away (the public portal cites them in plain sight). */
  openSources?: boolean;
  /** More about the coalition, shown before its sources. */
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const format = useFormatters();
  const language = useLanguage();
  const headingId = useId();
  const localName = language === 'uk' ? coalition.nameUk : undefined;
  const name = localName ?? coalition.name;

  return (
    <article className="card coalition" aria-labelledby={headingId} id={id} data-coalition={coalition.id}>
      <h2 id={headingId}>
        {/* An English name inside the Ukrainian page is marked, so screen readers pronounce it right. */}
        <span lang={language === 'uk' && !localName ? 'en' : undefined}>{name}</span>{' '}
        <ConfidenceBadge confidence={coalition.confidence} />
      </h2>
      <dl className="terms">
        <div className="term">
          <dt>{t('coalitions.capabilityAreas')}</dt>
          <dd>
            <ul className="tags">
              {coalition.capabilityAreas.map((area) => (
                <li key={area} className="tag">
                  {t(`capability.${area}`)}
                </li>
              ))}
            </ul>
          </dd>
        </div>
        <div className="term">
          <dt>{t('coalitions.leads')}</dt>
          <dd>{format.list(coalition.leads.map(partnerName))}</dd>
        </div>
        <div className="term">
          <dt>{t('coalitions.members')}</dt>
          <dd>
            {coalition.members.length > 0 ? (
              format.list(coalition.members.map(partnerName))
            ) : (
              <span className="muted">{t('coalitions.noMembers')}</span>
            )}
          </dd>
        </div>
        {coalition.founded ? (
          <div className="term">
            <dt>{t('coalitions.founded')}</dt>
            <dd>
              {format.partialDate(coalition.founded)}{' '}
              <ConfidenceBadge confidence={confidenceField(coalition, 'foundedConfidence')} />
            </dd>
          </div>
        ) : null}
      </dl>
      <h3>{t('coalitions.milestones')}</h3>
      {coalition.milestones.length > 0 ? (
        <ul className="milestones">
          {coalition.milestones.map((milestone, index) => (
            <li key={`${milestone.title}-${index}`}>
              <span className={`milestone-status milestone-status--${milestone.status}`}>
                {t(`milestoneStatus.${milestone.status}`)}
              </span>{' '}
              {milestone.title}{' '}
              <span className="muted">
                {t('coalitions.due', { date: format.partialDate(milestone.due) })}
              </span>
              {openSources && milestone.sources?.length ? (
                <SourceLinks sources={milestone.sources} className="sources--inline" />
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t('coalitions.noMilestones')}</p>
      )}
      {href ? (
        <p>
          <Link to={href}>{t('coalitions.open')}</Link>
        </p>
      ) : null}
      {children}
      {coalition.sources.length > 0 ? (
        <details className="card-sources" open={openSources}>
          <summary>{t('common.sources')}</summary>
          <SourceLinks sources={coalition.sources} />
        </details>
      ) : null}
    </article>
  );
}
