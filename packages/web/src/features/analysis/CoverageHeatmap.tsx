import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCompactCurrency, formatPercent } from '../../format/number.js';
import { useLocale } from '../../i18n/useLanguage.js';
import { BUCKETS, cellKey, hasRequirement, type Heatmap, type HeatmapCell } from './heatmap.js';
import type { Names } from './useNames.js';
import { DownloadCsv } from '../../components/DownloadCsv.js';

interface Props {
  heatmap: Heatmap;
  currency: string;
  names: Names;
  selected: string | null;
  onSelect: (cell: HeatmapCell, trigger: HTMLButtonElement) => void;
  panelId: string;
}

/** What a cell says aloud and in its tooltip: the area, the year, the coverage and the requirement's basis. */
function useCellLabel(currency: string, names: Names) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (cell: HeatmapCell) => {
    const place = t('analysis.cellPlace', { area: names.area(cell.area), year: cell.year });
    const row = cell.row;
    const committed = row ? formatCompactCurrency(row.committed, currency, locale) : null;
    let state: string;
    if (cell.area === null) state = t('analysis.cellCommitted', { amount: committed ?? '0' });
    else if (row && row.ratio !== null && hasRequirement(row.required))
      state = t('analysis.cellCovered', { percent: formatPercent(row.ratio, locale) });
    else if (committed) state = t('analysis.cellNoRequirementCommitted', { amount: committed });
    else state = t('analysis.cellNoRequirement');
    const parts = [`${place}: ${state}`];
    if (cell.basis === 'illustrative' || cell.basis === 'mixed') parts.push(t('analysis.cellIllustrative'));
    if (cell.quantities.length > 0)
      parts.push(t('analysis.cellQuantities', { count: cell.quantities.length }));
    return parts.join('; ');
  };
}

function CellButton({
  cell,
  text,
  label,
  selected,
  panelId,
  onSelect,
}: {
  cell: HeatmapCell;
  text: string;
  label: string;
  selected: boolean;
  panelId: string;
  onSelect: Props['onSelect'];
}) {
  const illustrative = cell.basis === 'illustrative' || cell.basis === 'mixed';
  const classes = [
    'heat-cell',
    cell.area === null ? 'heat-cell--unassigned' : `heat-cell--${cell.bucket}`,
    illustrative ? 'heat-cell--illustrative' : '',
  ].filter(Boolean);
  return (
    <button
      type="button"
      className={classes.join(' ')}
      aria-label={label}
      title={label}
      aria-pressed={selected}
      aria-controls={selected ? panelId : undefined}
      data-area={cell.area ?? 'unassigned'}
      data-year={cell.year}
      data-bucket={cell.bucket}
      onClick={(event) => onSelect(cell, event.currentTarget)}
    >
      <span aria-hidden="true">{text}</span>
    </button>
  );
}

function EmptyCell() {
  const { t } = useTranslation();
  return (
    <td className="heat-td heat-td--empty">
      <span aria-hidden="true">·</span>
      <span className="visually-hidden">{t('analysis.cellNoData')}</span>
    </td>
  );
}

export function HeatmapLegend({ illustrative }: { illustrative: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="heatmap-legend">
      <span className="heatmap-legend__title">{t('analysis.legend')}:</span>
      <ul>
        {BUCKETS.map((bucket) => (
          <li key={bucket}>
            <span className={`swatch swatch--${bucket}`} aria-hidden="true" />
            {t(`analysis.bucket.${bucket}`)}
          </li>
        ))}
        {illustrative ? (
          <li>
            <span className="swatch swatch--illustrative" aria-hidden="true" />
            {t('analysis.bucket.illustrative')}
          </li>
        ) : null}
      </ul>
    </div>
  );
}

export function CoverageHeatmap({ heatmap, currency, names, selected, onSelect, panelId }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const captionId = useId();
  const labelOf = useCellLabel(currency, names);

  const cellText = (cell: HeatmapCell) => {
    const row = cell.row;
    if (cell.area === null) return row ? formatCompactCurrency(row.committed, currency, locale) : '—';
    if (row && row.ratio !== null && hasRequirement(row.required)) return formatPercent(row.ratio, locale);
    return '—';
  };

  const renderCell = (area: string | null, year: number) => {
    const cell = heatmap.cells.get(cellKey(area, year));
    if (!cell) return <EmptyCell key={year} />;
    const key = cellKey(area, year);
    return (
      <td key={year} className="heat-td">
        <CellButton
          cell={cell}
          text={cellText(cell)}
          label={labelOf(cell)}
          selected={selected === key}
          panelId={panelId}
          onSelect={onSelect}
        />
      </td>
    );
  };

  return (
    <div className="table-scroll heatmap-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
      <DownloadCsv>
        <table className="heatmap">
          <caption id={captionId}>{t('analysis.heatmapCaption', { currency })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('analysis.colArea')}</th>
              {heatmap.years.map((year) => (
                <th key={year} scope="col" className="heat-year">
                  {year}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {heatmap.areas.map((area) => (
              <tr key={area} data-area={area}>
                <th scope="row">{names.area(area)}</th>
                {heatmap.years.map((year) => renderCell(area, year))}
              </tr>
            ))}
          </tbody>
          {heatmap.hasUnassigned ? (
            <tbody className="heatmap-unassigned">
              <tr data-area="unassigned">
                <th scope="row">
                  {t('analysis.unassigned')}
                  <span className="note">{t('analysis.unassignedNote')}</span>
                </th>
                {heatmap.years.map((year) => renderCell(null, year))}
              </tr>
            </tbody>
          ) : null}
        </table>
      </DownloadCsv>
    </div>
  );
}
