import { lazy, Suspense, useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../components/QueryState.js';
import { useFormatters } from '../../format/useFormatters.js';
import { MapLegend } from '../overview/MapLegend.js';
import type { MapStatus, PartnerStatus } from '../overview/partnerStatus.js';

// The map's chunk (d3-geo, the atlas) loads after the page's text, as on the overview.
const WorldMap = lazy(() => import('../overview/WorldMap.js').then((m) => ({ default: m.WorldMap })));


interface Props {
  statuses: ReadonlyMap<string, PartnerStatus>;
  counts: Record<MapStatus, number>;
  asOf: string;
  nameOf: (code: string) => string;
}

/** Partners coloured by how far their agreement had come on the day, with its legend and a summary in words. */
export function PublicMap({ statuses, counts, asOf, nameOf }: Props) {
  const { t } = useTranslation();
  const format = useFormatters();
  const statusLabel = useCallback((status: MapStatus) => t(`overview.status.${status}`), [t]);
  const dateLabel = format.date(asOf);
  const eu = statuses.get('EU');
  const description = t('overview.mapDescription', {
    signed: counts.signed + counts.binding,
    binding: counts.binding,
    talks: counts.talks,
    none: counts.none + counts.declaration,
    date: dateLabel,
  });
  return (
    <section aria-labelledby="portal-map-heading" className="overview-map portal-map">
      <h2 id="portal-map-heading">{t('overview.mapHeading', { date: dateLabel })}</h2>
      <MapLegend counts={counts} eu={eu} statusLabel={statusLabel} />
      <div className="map-frame">
        <Suspense fallback={<Loading />}>
          <WorldMap
            statuses={statuses}
            nameOf={nameOf}
            statusLabel={statusLabel}
            dateLabel={dateLabel}
            description={description}
          />
        </Suspense>
      </div>
      <p className="muted">{description}</p>
    </section>
  );
}
