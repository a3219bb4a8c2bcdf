import type { AllocationProposal, Offer, RequestLine } from '@compact/core';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../format/useFormatters.js';
import { useLocale } from '../../i18n/useLanguage.js';
import { usePartnerName } from '../partners/queries.js';
import { allocationRows } from './allocation.js';
import { formatInstant } from './datetime.js';

const eur = (value: number, locale: string) =>
  new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 }).format(
    value,
  );

/** A proposal: per line what is filled on time, late or not at all, and by whom; exclusions, notes, objective. */
export function ProposalView({
  proposal,
  lines,
  offers,
}: {
  proposal: AllocationProposal;
  lines: RequestLine[];
  offers: Offer[];
}) {
  const { t } = useTranslation();
  const format = useFormatters();
  const locale = useLocale();
  const partnerName = usePartnerName();
  const rows = allocationRows(proposal, lines);
  const offerName = (offerId: string) => {
    const offer = offers.find((candidate) => candidate.id === offerId);
    return offer ? `${partnerName(offer.partner)} (${offer.quantity} ${offer.item})` : offerId;
  };
  const { result } = proposal;
  return (
    <div
      className="allocation-proposal"
      data-id={proposal.id}
      data-decided={proposal.decidedAt ? 'true' : 'false'}
    >
      <p>
        {t('crisis.allocation.proposedAt', { time: formatInstant(proposal.createdAt, locale) })}{' '}
        <span className={`status solver-status solver-status--${result.status}`}>
          {t(`crisis.allocation.status.${result.status}`)}
        </span>
        {proposal.decidedAt ? (
          <strong className="decided">
            {' '}
            {t('crisis.allocation.decidedAt', { time: formatInstant(proposal.decidedAt, locale) })}
          </strong>
        ) : null}
      </p>
      {result.message ? <p className="note">{result.message}</p> : null}
      <div className="table-scroll">
        <table className="allocation">
          <caption>{t('crisis.allocation.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('crisis.line.item')}</th>
              <th scope="col" className="numeric">
                {t('crisis.allocation.requested')}
              </th>
              <th scope="col" className="numeric">
                {t('crisis.allocation.onTime')}
              </th>
              <th scope="col" className="numeric">
                {t('crisis.allocation.late')}
              </th>
              <th scope="col" className="numeric">
                {t('crisis.allocation.unfilled')}
              </th>
              <th scope="col">{t('crisis.allocation.assignments')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.lineId} data-line={row.lineId} data-outcome={row.outcome}>
                <th scope="row">
                  {row.item}{' '}
                  <span className={`status outcome outcome--${row.outcome}`}>
                    {t(`crisis.allocation.outcome.${row.outcome}`)}
                  </span>
                </th>
                <td className="numeric">{format.number(row.requested)}</td>
                <td className="numeric">{format.number(row.onTime)}</td>
                <td className="numeric">{format.number(row.late)}</td>
                <td className="numeric">{format.number(row.unfilled)}</td>
                <td>
                  {row.assignments.length ? (
                    <ul className="plain-list">
                      {row.assignments.map((a) => (
                        <li key={a.offerId}>
                          {t('crisis.allocation.assignment', {
                            partner: partnerName(a.partner),
                            quantity: format.number(a.quantity),
                            date: format.date(a.deliveryDate),
                          })}
                          {a.daysLate > 0 ? (
                            <span className="late">
                              {' '}
                              {t('crisis.allocation.daysLate', { count: a.daysLate })}
                            </span>
                          ) : null}
                        </li>
                      ))}
                    </ul>
                  ) : (
                    '—'
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {result.excluded.length ? (
        <>
          <h4>{t('crisis.allocation.exclusions')}</h4>
          <ul className="exclusions">
            {result.excluded.map((exclusion) => (
              <li key={`${exclusion.offerId}-${exclusion.lineId}`}>
                {offerName(exclusion.offerId)} →{' '}
                {lines.find((line) => line.id === exclusion.lineId)?.item ?? exclusion.lineId}:{' '}
                {exclusion.reason}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {proposal.notes.length ? (
        <>
          <h4>{t('crisis.allocation.notes')}</h4>
          <ul className="notes">
            {proposal.notes.map((note) => (
              <li key={note}>{note}</li>
            ))}
          </ul>
        </>
      ) : null}
      <h4>{t('crisis.allocation.objective')}</h4>
      <dl className="terms objective">
        <dt>{t('crisis.allocation.weightedOnTime')}</dt>
        <dd>{format.number(result.objective.priorityWeightedOnTime)}</dd>
        <dt>{t('crisis.allocation.weightedTotal')}</dt>
        <dd>{format.number(result.objective.priorityWeightedTotal)}</dd>
        <dt>{t('crisis.allocation.lateItemDays')}</dt>
        <dd>{format.number(result.objective.lateItemDays)}</dd>
        <dt>{t('crisis.allocation.cost')}</dt>
        <dd>{eur(result.objective.costEur, locale)}</dd>
      </dl>
    </div>
  );
}
