import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../format/useFormatters.js';
import { MAP_STATUSES, type MapStatus, type PartnerStatus } from './partnerStatus.js';

const SWATCH: Record<MapStatus, string> = {
  none: 'legend-swatch--none',
  declaration: 'legend-swatch--declaration',
  talks: 'legend-swatch--talks',
  signed: 'legend-swatch--signed',
  binding: 'legend-swatch--binding',
};

/** The map's key: each status with how many partners have it, Ukraine, and the EU as a chip (it has no shape on the map). */
export function MapLegend({
  counts,
  eu,
  statusLabel,
}: {
  counts: Record<MapStatus, number>;
  eu: PartnerStatus | undefined;
  statusLabel: (status: MapStatus) => string;
}) {
  const { t } = useTranslation();
  const format = useFormatters();
  return (
    <ul className="map-legend" aria-label={t('overview.legend')}>
      {MAP_STATUSES.map((status) => (
        <li key={status}>
          <span className={`legend-swatch ${SWATCH[status]}`} aria-hidden="true" />
          {statusLabel(status)} <span className="muted">({format.number(counts[status])})</span>
        </li>
      ))}
      <li>
        <span className="legend-swatch legend-swatch--beneficiary" aria-hidden="true" />
        {t('overview.beneficiary')}
      </li>
      {eu ? (
        <li className="eu-chip" data-status={eu.status}>
          <span className={`legend-swatch ${SWATCH[eu.status]}`} aria-hidden="true" />
          {t('overview.euChip', { status: statusLabel(eu.status) })}
        </li>
      ) : null}
    </ul>
  );
}
