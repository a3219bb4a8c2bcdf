import { lazy, Suspense, useCallback, useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { SEVERITIES } from '../../api/types.js';
import { DownloadCsv } from '../../components/DownloadCsv.js';
import { ErrorMessage, Loading } from '../../components/QueryState.js';
import { useDocumentTitle } from '../../components/useDocumentTitle.js';
import { localIsoDate } from '../../format/date.js';
import { formatCompactCurrency, formatPercent } from '../../format/number.js';
import { useFormatters } from '../../format/useFormatters.js';
import { useAgreements } from '../agreements/queries.js';
import { useAnalysis } from '../analysis/queries.js';
import { FindingCard } from '../analysis/FindingCard.js';
import { useNames } from '../analysis/useNames.js';
import { useDelivery } from '../delivery/queries.js';
import { usePartnerName, usePartners } from '../partners/queries.js';
import {
  clampDate,
  headline,
  MAP_STATUSES,
  partnerStatuses,
  topFindings,
  type MapStatus,
  type PartnerStatus,
} from './partnerStatus.js';
import { loadCountries } from './atlas.js';
import { TimeSlider } from './TimeSlider.js';

// d3-geo, topojson and the atlas load with the map, after the page's text is on screen; both
// downloads start together when the page first renders rather than one after the other.
const loadWorldMap = () => import('./WorldMap.js');
const WorldMap = lazy(() => loadWorldMap().then((m) => ({ default: m.WorldMap })));
const FILLS: Record<MapStatus, string> = {
  none: 'legend-swatch--none',
  declaration: 'legend-swatch--declaration',
  talks: 'legend-swatch--talks',
  signed: 'legend-swatch--signed',
  binding: 'legend-swatch--binding',
};

/** The slider moves every frame; the API is asked once the reader pauses. */
function useSettled<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

function Figure({ value, label, to, note }: { value: string; label: string; to: string; note?: string }) {
  return (
    <div className="headline-figure">
      <dt>{label}</dt>
      <dd>
        <Link to={to} className="headline-figure__value">
          {value}
        </Link>
        {note ? <span className="headline-figure__note">{note}</span> : null}
      </dd>
    </div>
  );
}

export function OverviewPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('overview.title'));
  const format = useFormatters();
  const partnerName = usePartnerName();
  const names = useNames();
  const tableId = useId();
  const [params, setParams] = useSearchParams();
  const today = useMemo(() => localIsoDate(new Date()), []);
  const asOf = clampDate(params.get('asOf'), today);
  const queryAsOf = useSettled(asOf, 150);
  const [showTable, setShowTable] = useState(false);
  const [mapReady, setMapReady] = useState(false);
  // The atlas download starts with the first render, alongside the map's own chunk.
  useState(() => {
    void loadCountries().catch(() => undefined);
    return null;
  });

  const setAsOf = useCallback(
    (date: string) =>
      setParams(
        (previous) => {
          const next = new URLSearchParams(previous);
          if (date === today) next.delete('asOf');
          else next.set('asOf', date);
          return next;
        },
        { replace: true },
      ),
    [setParams, today],
  );

  const partners = usePartners();
  const agreements = useAgreements(queryAsOf);
  const year = Number(queryAsOf.slice(0, 4));
  const delivery = useDelivery({ asOf: queryAsOf, currency: 'EUR', by: 'year' });
  // The findings sit below the map: asked for once the map is drawn, so the server's heaviest
  // answer does not hold up the atlas and the figures on a first visit.
  // The findings follow the slider: what the analysis found on the day shown.
  const analysis = useAnalysis({ asOf: queryAsOf, currency: 'EUR', natoAccession: null }, { enabled: mapReady });

  const statuses = useMemo(
    () =>
      partnerStatuses(
        (partners.data?.items ?? []).map((partner) => partner.code),
        agreements.data?.items ?? [],
      ),
    [partners.data, agreements.data],
  );
  const rows = useMemo(
    () =>
      [...statuses.values()]
        .filter((row) => row.code !== 'EU')
        .sort((a, b) => partnerName(a.code).localeCompare(partnerName(b.code), format.locale)),
    [statuses, partnerName, format.locale],
  );
  const counts = useMemo(() => {
    const out = Object.fromEntries(MAP_STATUSES.map((status) => [status, 0])) as Record<MapStatus, number>;
    for (const row of rows) out[row.status] += 1;
    return out;
  }, [rows]);
  const eu = statuses.get('EU');
  const figures = useMemo(() => headline(agreements.data?.items ?? []), [agreements.data]);
  const pledged = delivery.data?.rows.find((row) => row.year === year)?.committed ?? null;
  const top = useMemo(() => topFindings(analysis.data?.findings ?? [], SEVERITIES, 5), [analysis.data]);

  const statusLabel = useCallback((status: MapStatus) => t(`overview.status.${status}`), [t]);
  const dateLabel = format.date(asOf);
  const description = t('overview.mapDescription', {
    signed: counts.signed + counts.binding,
    binding: counts.binding,
    talks: counts.talks,
    none: counts.none + counts.declaration,
    date: dateLabel,
  });
  const agreementsLink = `/agreements${asOf === today ? '' : `?asOf=${asOf}`}`;

  return (
    <>
      <h1>{t('overview.title')}</h1>
      <p className="lead">{t('overview.intro')}</p>

      <TimeSlider value={asOf} today={today} onChange={setAsOf} />

      <section aria-labelledby="headline-heading" className="headlines">
        <h2 id="headline-heading" className="visually-hidden">
          {t('overview.headlineHeading')}
        </h2>
        {agreements.isError ? (
          <ErrorMessage error={agreements.error} onRetry={() => void agreements.refetch()} />
        ) : null}
        <dl className="headline-figures" aria-live="polite" aria-busy={agreements.isPlaceholderData}>
          <Figure
            label={t('overview.figureSigned', { date: dateLabel })}
            value={agreements.data ? format.number(figures.signed) : '…'}
            to={agreementsLink}
            note={t('overview.figureSignedNote')}
          />
          <Figure
            label={t('overview.figurePledged', { year })}
            value={
              pledged !== null
                ? formatCompactCurrency(pledged, 'EUR', format.locale)
                : delivery.data
                  ? t('overview.noPledges')
                  : '…'
            }
            to={`/delivery${asOf === today ? '' : `?asOf=${asOf}`}`}
            note={t('overview.figurePledgedNote')}
          />
          <Figure
            label={t('overview.figureConsultation')}
            value={
              figures.consultationShare !== null
                ? formatPercent(figures.consultationShare, format.locale)
                : '—'
            }
            to={agreementsLink}
            note={t('overview.figureConsultationNote', {
              with: figures.withConsultation,
              total: figures.signed,
            })}
          />
        </dl>
      </section>

      <section aria-labelledby="map-heading" className="overview-map">
        <h2 id="map-heading">{t('overview.mapHeading', { date: dateLabel })}</h2>
        <ul className="map-legend" aria-label={t('overview.legend')}>
          {MAP_STATUSES.map((status) => (
            <li key={status}>
              <span className={`legend-swatch ${FILLS[status]}`} aria-hidden="true" />
              {statusLabel(status)} <span className="muted">({format.number(counts[status])})</span>
            </li>
          ))}
          <li>
            <span className="legend-swatch legend-swatch--beneficiary" aria-hidden="true" />
            {t('overview.beneficiary')}
          </li>
          {eu ? (
            <li className="eu-chip" data-status={eu.status}>
              <span className={`legend-swatch ${FILLS[eu.status]}`} aria-hidden="true" />
              {t('overview.euChip', { status: statusLabel(eu.status) })}
            </li>
          ) : null}
        </ul>
        <div className={agreements.isPlaceholderData ? 'map-frame map-frame--stale' : 'map-frame'}>
          <Suspense fallback={<Loading />}>
            <WorldMap
              statuses={statuses}
              nameOf={partnerName}
              statusLabel={statusLabel}
              dateLabel={dateLabel}
              description={description}
              onReady={() => setMapReady(true)}
            />
          </Suspense>
        </div>
        <p className="muted">{description}</p>
        <button
          type="button"
          className="button-small"
          aria-expanded={showTable}
          aria-controls={tableId}
          onClick={() => setShowTable(!showTable)}
        >
          {showTable ? t('overview.hideTable') : t('overview.showTable')}
        </button>
        <div id={tableId} hidden={!showTable}>
          {showTable ? (
            <DownloadCsv filename={t('overview.tableCaption', { date: dateLabel })}>
              <div className="table-scroll" role="region" aria-labelledby={`${tableId}-caption`} tabIndex={0}>
                <table className="data-table map-table">
                  <caption id={`${tableId}-caption`}>
                    {t('overview.tableCaption', { date: dateLabel })}
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('overview.colPartner')}</th>
                      <th scope="col">{t('overview.colStatus')}</th>
                      <th scope="col">{t('overview.colLegalForm')}</th>
                      <th scope="col">{t('overview.colConsultation')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {[...rows, ...(eu ? [eu] : [])].map((row: PartnerStatus) => (
                      <tr key={row.code} data-code={row.code} data-status={row.status}>
                        <th scope="row">
                          {row.agreementId ? (
                            <Link to={`/agreements/${encodeURIComponent(row.agreementId)}`}>
                              {partnerName(row.code)}
                            </Link>
                          ) : (
                            partnerName(row.code)
                          )}
                        </th>
                        <td>{statusLabel(row.status)}</td>
                        <td>{row.legalForm ? t(`legalForm.${row.legalForm}` as 'legalForm.treaty') : '—'}</td>
                        <td>
                          {row.agreementId ? (row.hasConsultation ? t('common.yes') : t('common.no')) : '—'}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </DownloadCsv>
          ) : null}
        </div>
      </section>

      <section aria-labelledby="findings-heading" className="overview-findings">
        <h2 id="findings-heading">{t('overview.findingsHeading')}</h2>
        {analysis.isPending && analysis.fetchStatus !== 'idle' ? <Loading /> : null}
        {analysis.isError ? (
          <ErrorMessage error={analysis.error} onRetry={() => void analysis.refetch()} />
        ) : null}
        {top.map((finding) => (
          <FindingCard key={finding.id} finding={finding} names={names} currency="EUR" />
        ))}
        <p>
          <Link to={`/analysis${queryAsOf === today ? '' : `?asOf=${queryAsOf}`}`}>
            {t('overview.allFindings', { total: analysis.data?.findings.length ?? 0 })}
          </Link>{' '}
          · <Link to="/network">{t('overview.toNetwork')}</Link>
        </p>
      </section>
    </>
  );
}
