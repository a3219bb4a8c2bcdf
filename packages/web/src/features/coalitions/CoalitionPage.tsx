import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { AsOfField } from '../../components/AsOfField.js';
import { ErrorMessage, Loading } from '../../components/QueryState.js';
import { SourceLinks } from '../../components/SourceLinks.js';
import { useDocumentTitle } from '../../components/useDocumentTitle.js';
import { localIsoDate } from '../../format/date.js';
import { formatCurrency, formatDecimal } from '../../format/number.js';
import { useFormatters } from '../../format/useFormatters.js';
import { useLanguage } from '../../i18n/useLanguage.js';
import { usePartnerName } from '../partners/queries.js';
import { BriefingLinks } from '../briefing/BriefingLinks.js';
import { FairShareKeyForm } from './FairShareKeyForm.js';
import { useCoalition, useCoalitionRoadmap } from './queries.js';
import { DownloadCsv } from '../../components/DownloadCsv.js';

/** A coalition's roadmap: members and leads, milestones, and its requirement shared out fairly. */
export function CoalitionPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const language = useLanguage();
  const format = useFormatters();
  const partnerName = usePartnerName();
  const [asOf, setAsOf] = useState(() => localIsoDate(new Date()));
  const coalition = useCoalition(id);
  const roadmap = useCoalitionRoadmap(id, { asOf, currency: 'EUR' });
  const name = (language === 'uk' ? coalition.data?.nameUk : undefined) ?? coalition.data?.name ?? id;
  useDocumentTitle(name);

  if (coalition.isPending || roadmap.isPending) return <Loading />;
  if (coalition.isError)
    return <ErrorMessage error={coalition.error} onRetry={() => void coalition.refetch()} />;
  if (roadmap.isError) return <ErrorMessage error={roadmap.error} onRetry={() => void roadmap.refetch()} />;
  const view = roadmap.data;
  const amount = (value: string | null) =>
    value === null
      ? t('common.unknown')
      : view.measure === 'money'
        ? formatCurrency(value, view.currency, language)
        : formatDecimal(value, language);
  const item = view.requirement?.quantity?.item;

  return (
    <>
      <p>
        <Link to="/coalitions">{t('coalition.back')}</Link>
      </p>
      <h1>{name}</h1>
      <form className="controls" onSubmit={(event) => event.preventDefault()}>
        <AsOfField value={asOf} onChange={setAsOf} />
      </form>
      <BriefingLinks target={{ coalition: id, asOf }} label={name} />

      <section aria-labelledby="coalition-members">
        <h2 id="coalition-members">{t('coalition.members', { date: format.date(view.asOf) })}</h2>
        <ul className="tags">
          {view.members.map((member) => (
            <li key={member.partner} className={`tag tag--${member.role}`}>
              {partnerName(member.partner)}{' '}
              {member.role === 'lead' ? <strong>({t('coalition.lead')})</strong> : null}
            </li>
          ))}
        </ul>
        {view.membership.length > 0 ? (
          <DownloadCsv>
            <table className="data-table">
              <caption>{t('coalition.membershipHistory')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('coalition.partner')}</th>
                  <th scope="col">{t('coalition.role')}</th>
                  <th scope="col">{t('coalition.from')}</th>
                  <th scope="col">{t('coalition.to')}</th>
                </tr>
              </thead>
              <tbody>
                {view.membership.map((entry, index) => (
                  <tr key={`${entry.partner}-${index}`}>
                    <th scope="row">{partnerName(entry.partner)}</th>
                    <td>{t(`coalition.roles.${entry.role}`)}</td>
                    <td>{entry.from ? format.partialDate(entry.from) : t('coalition.sinceFounding')}</td>
                    <td>{entry.to ? format.partialDate(entry.to) : t('coalition.current')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </DownloadCsv>
        ) : null}
      </section>

      <section aria-labelledby="coalition-shares">
        <h2 id="coalition-shares">{t('coalition.sharesTitle')}</h2>
        {view.requirement ? (
          <p>
            {t('coalition.requirement', { amount: amount(view.totals.target), item: item ?? '' })}{' '}
            <span className={`badge badge--${view.requirement.basis}`}>
              {t(`coalition.basis.${view.requirement.basis}`)}
            </span>
            {view.requirement.period ? <> · {format.period(view.requirement.period)}</> : null}
            {view.requirement.description ? (
              <span className="muted"> — {view.requirement.description}</span>
            ) : null}
          </p>
        ) : (
          <p className="muted">{t('coalition.noRequirement')}</p>
        )}
        <p>
          {t('coalition.keyLabel')}: <strong>{t(`coalition.key.${view.key.kind}`)}</strong>
          {view.key.year !== null ? ` (${view.key.year})` : null}
          {view.key.note ? <span className="muted"> — {view.key.note}</span> : null}
        </p>
        {view.warnings.map((warning) => (
          <p key={warning} className="warning" role="note">
            {warning}
          </p>
        ))}
        <DownloadCsv>
          <table className="data-table shares-table">
            <caption>{t('coalition.sharesCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('coalition.partner')}</th>
                <th scope="col">{t('coalition.share')}</th>
                <th scope="col">{t('coalition.target')}</th>
                <th scope="col">{t('coalition.pledged')}</th>
                <th scope="col">{t('coalition.delivered')}</th>
                <th scope="col">{t('coalition.status')}</th>
              </tr>
            </thead>
            <tbody>
              {view.shares.map((share) => (
                <tr key={share.partner} className={`share share--${share.status}`}>
                  <th scope="row">
                    {partnerName(share.partner)}{' '}
                    {share.role === 'lead' ? <span className="muted">({t('coalition.lead')})</span> : null}
                  </th>
                  <td>
                    {share.share === null
                      ? t('common.unknown')
                      : `${formatDecimal((Number(share.share) * 100).toFixed(1), language)} %`}
                  </td>
                  <td>{amount(share.target)}</td>
                  <td>
                    {amount(share.pledged)}
                    {share.pledgedRatio !== null ? (
                      <meter
                        min={0}
                        max={1}
                        low={0.5}
                        high={0.99}
                        optimum={1}
                        value={Math.min(share.pledgedRatio, 1)}
                        aria-label={t('coalition.pledgedOfTarget', {
                          percent: Math.round(share.pledgedRatio * 100),
                        })}
                      />
                    ) : null}
                  </td>
                  <td>{amount(share.delivered)}</td>
                  <td>{t(`coalition.statuses.${share.status}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </DownloadCsv>
        {coalition.data ? (
          <FairShareKeyForm
            key={coalition.data.id}
            roadmap={view}
            current={coalition.data.fairShareKey}
            version={coalition.data.version ?? 1}
          />
        ) : null}
      </section>

      <section aria-labelledby="coalition-milestones">
        <h2 id="coalition-milestones">{t('coalitions.milestones')}</h2>
        <p className="summary">{t('coalition.lateCount', { count: view.lateMilestones })}</p>
        {view.milestones.length === 0 ? <p className="muted">{t('coalitions.noMilestones')}</p> : null}
        <ol className="milestones">
          {view.milestones.map((milestone, index) => (
            <li
              key={`${milestone.title}-${index}`}
              className={milestone.late ? 'milestone milestone--late' : 'milestone'}
            >
              <span className={`milestone-status milestone-status--${milestone.status}`}>
                {t(`milestoneStatus.${milestone.status}`)}
              </span>{' '}
              {milestone.late ? (
                <strong className="late-flag">{t('coalition.late', { count: milestone.daysLate })}</strong>
              ) : null}{' '}
              {milestone.title}{' '}
              <span className="muted">
                {t('coalitions.due', { date: format.partialDate(milestone.due) })}
              </span>
              {milestone.sources?.length ? <SourceLinks sources={milestone.sources} /> : null}
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}
