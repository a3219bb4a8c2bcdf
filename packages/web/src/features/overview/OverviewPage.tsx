import { lazy, Suspense, useCallback, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { SEVERITIES } from '../../api/types.js';
import { DownloadCsv } from '../../components/DownloadCsv.js';
import { ErrorMessage, Loading } from '../../components/QueryState.js';
import { useDocumentTitle } from '../../components/useDocumentTitle.js';
import { formatCompactCurrency, formatPercent } from '../../format/number.js';
import { useFormatters } from '../../format/useFormatters.js';
import { useAgreements } from '../agreements/queries.js';
import { useAnalysis } from '../analysis/queries.js';
import { FindingCard } from '../analysis/FindingCard.js';
import { useNames } from '../analysis/useNames.js';
import { useDelivery } from '../delivery/queries.js';
import { usePartnerName, usePartners } from '../partners/queries.js';
import {
  headline,
  MAP_STATUSES,
  partnerStatuses,
  topFindings,
  type MapStatus,
  type PartnerStatus,
} from './partnerStatus.js';
import { loadCountries } from './atlas.js';
import { MapLegend } from './MapLegend.js';
import { TimeSlider } from './TimeSlider.js';
import { HeadlineFigure } from './HeadlineFigure.js';
import { useMapDate, useSettled } from './useMapDate.js';

// d3-geo, topojson and the atlas load with the map, after the page's text is on screen; both
// downloads start together when the page first renders rather than one after the other.
const loadWorldMap = () => import('./WorldMap.js');
const WorldMap = lazy(() => loadWorldMap().then((m) => ({ default: m.WorldMap })));

export function OverviewPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('overview.title'));
  const format = useFormatters();
  const partnerName = usePartnerName();
  const names = useNames();
  const tableId = useId();
  const { today, asOf, setAsOf } = useMapDate();
  const queryAsOf = useSettled(asOf, 150);
  const [showTable, setShowTable] = useState(false);
  const [mapReady, setMapReady] = useState(false);
  // The atlas download starts with the first render, alongside the map's own chunk.
  useState(() => {
    void loadCountries().catch(() => undefined);
    return null;
  });

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
          <HeadlineFigure
            label={t('overview.figureSigned', { date: dateLabel })}
            value={agreements.data ? format.number(figures.signed) : '…'}
            to={agreementsLink}
            note={t('overview.figureSignedNote')}
          />
          <HeadlineFigure
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
          <HeadlineFigure
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
        <MapLegend counts={counts} eu={eu} statusLabel={statusLabel} />
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
