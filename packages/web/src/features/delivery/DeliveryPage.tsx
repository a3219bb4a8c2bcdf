import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AsOfField } from '../../components/AsOfField.js';
import { useAsOfParam } from '../../components/useAsOfParam.js';
import { ErrorMessage, Loading } from '../../components/QueryState.js';
import { useDocumentTitle } from '../../components/useDocumentTitle.js';
import { isIsoDate } from '../../format/date.js';
import { formatCompactCurrency } from '../../format/number.js';
import { useFormatters } from '../../format/useFormatters.js';
import { useLanguage } from '../../i18n/useLanguage.js';
import { usePartnerName } from '../partners/queries.js';
import { useDelivery, useImplementation } from './queries.js';
import { DownloadCsv } from '../../components/DownloadCsv.js';

const GROUPS = ['provider', 'year', 'capabilityArea'] as const;
type Group = (typeof GROUPS)[number];

/** Committed against allocated against delivered, late deliveries and implementation scores. */
export function DeliveryPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const format = useFormatters();
  const partnerName = usePartnerName();
  useDocumentTitle(t('delivery.title'));
  // The day lives in the address (?asOf=), so the overview can link to the day its slider shows.
  const { asOf, setAsOf } = useAsOfParam((requested, today) => (requested && isIsoDate(requested) ? requested : today));
  const [group, setGroup] = useState<Group>('provider');
  const view = { asOf, currency: 'EUR' };
  const delivery = useDelivery({ ...view, by: group });
  const implementation = useImplementation(view);
  const money = (amount: string) => formatCompactCurrency(amount, 'EUR', language);
  const label = (row: { provider?: string; year?: number; capabilityArea?: string | null }) =>
    group === 'provider'
      ? partnerName(row.provider ?? '')
      : group === 'year'
        ? String(row.year)
        : row.capabilityArea
          ? t(`capability.${row.capabilityArea}` as 'capability.air-defence')
          : t('delivery.noArea');
  const largest = Math.max(
    1,
    ...(delivery.data?.rows ?? []).map((row) => Number(row.committed) || Number(row.delivered) || 0),
  );

  return (
    <>
      <h1>{t('delivery.title')}</h1>
      <p className="lead">{t('delivery.intro')}</p>
      <form className="controls" onSubmit={(event) => event.preventDefault()}>
        <AsOfField value={asOf} onChange={setAsOf} />
        <label className="field">
          <span>{t('delivery.groupBy')}</span>
          <select value={group} onChange={(event) => setGroup(event.target.value as Group)}>
            {GROUPS.map((option) => (
              <option key={option} value={option}>
                {t(`delivery.groups.${option}`)}
              </option>
            ))}
          </select>
        </label>
      </form>
      {delivery.isPending ? <Loading /> : null}
      {delivery.isError ? (
        <ErrorMessage error={delivery.error} onRetry={() => void delivery.refetch()} />
      ) : null}
      {delivery.data ? (
        <>
          {delivery.data.rows.length === 0 ? <p className="empty">{t('delivery.empty')}</p> : null}
          <DownloadCsv>
            <table className="data-table delivery-table">
              <caption>{t('delivery.totalsCaption', { currency: delivery.data.currency })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t(`delivery.groups.${group}`)}</th>
                  <th scope="col">{t('delivery.committed')}</th>
                  <th scope="col">{t('delivery.allocated')}</th>
                  <th scope="col">{t('delivery.delivered')}</th>
                  <th scope="col">{t('delivery.ratio')}</th>
                </tr>
              </thead>
              <tbody>
                {delivery.data.rows.map((row) => (
                  <tr key={JSON.stringify([row.provider, row.year, row.capabilityArea])}>
                    <th scope="row">{label(row)}</th>
                    <td>
                      {money(row.committed)}
                      <span
                        className="bar bar--committed"
                        style={{ inlineSize: `${(Number(row.committed) / largest) * 100}%` }}
                        aria-hidden="true"
                      />
                    </td>
                    <td>
                      {money(row.allocated)}
                      <span
                        className="bar bar--allocated"
                        style={{ inlineSize: `${(Number(row.allocated) / largest) * 100}%` }}
                        aria-hidden="true"
                      />
                    </td>
                    <td>
                      {money(row.delivered)}
                      <span
                        className="bar bar--delivered"
                        style={{ inlineSize: `${(Number(row.delivered) / largest) * 100}%` }}
                        aria-hidden="true"
                      />
                    </td>
                    <td>
                      {row.deliveryRatio === null ? '—' : `${Math.round(row.deliveryRatio * 1000) / 10} %`}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </DownloadCsv>
          <h2>{t('delivery.late')}</h2>
          {delivery.data.late.length === 0 ? (
            <p className="muted">{t('delivery.noLate')}</p>
          ) : (
            <DownloadCsv>
              <table className="data-table">
                <thead>
                  <tr>
                    <th scope="col">{t('delivery.allocation')}</th>
                    <th scope="col">{t('delivery.groups.provider')}</th>
                    <th scope="col">{t('delivery.dueOn')}</th>
                    <th scope="col">{t('delivery.daysLate')}</th>
                    <th scope="col">{t('delivery.delivered')}</th>
                  </tr>
                </thead>
                <tbody>
                  {delivery.data.late.map((late) => (
                    <tr key={late.allocationId} className={`late late--${late.status}`}>
                      <th scope="row">
                        {late.allocationId}{' '}
                        <span className="muted">
                          (
                          {late.status === 'overdue'
                            ? t('delivery.statusOverdue')
                            : t('delivery.statusDeliveredLate')}
                          )
                        </span>
                      </th>
                      <td>{partnerName(late.provider)}</td>
                      <td>{format.date(late.dueOn)}</td>
                      <td>{late.daysLate}</td>
                      <td>
                        {late.measure === 'money' ? money(late.delivered) : late.delivered} /{' '}
                        {late.measure === 'money' ? money(late.allocated) : late.allocated}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </DownloadCsv>
          )}
        </>
      ) : null}
      <h2>{t('delivery.implementation')}</h2>
      <p className="hint">{t('delivery.implementationHint')}</p>
      {implementation.isError ? (
        <ErrorMessage error={implementation.error} onRetry={() => void implementation.refetch()} />
      ) : null}
      {implementation.data ? (
        <DownloadCsv>
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t('delivery.groups.provider')}</th>
                <th scope="col">{t('delivery.assessed')}</th>
                <th scope="col">{t('delivery.mean')}</th>
                <th scope="col">{t('delivery.weighted')}</th>
                <th scope="col">{t('delivery.distribution')}</th>
              </tr>
            </thead>
            <tbody>
              {implementation.data.partners.map((row) => (
                <tr key={row.id}>
                  <th scope="row">{partnerName(row.id)}</th>
                  <td>
                    {row.assessed} / {row.commitments}
                  </td>
                  <td>{row.mean ?? '—'}</td>
                  <td>{row.weighted ?? '—'}</td>
                  <td>{row.distribution.join(' / ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </DownloadCsv>
      ) : null}
    </>
  );
}
