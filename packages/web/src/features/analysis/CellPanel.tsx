import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CoverageRow, Finding } from '../../api/types.js';
import { formatCurrency, formatDecimal, formatPercent } from '../../format/number.js';
import { describeItem } from '../../format/pledge.js';
import { useLocale } from '../../i18n/useLanguage.js';
import { FindingCard } from './FindingCard.js';
import { hasRequirement, type HeatmapCell } from './heatmap.js';
import type { Names } from './useNames.js';
import { DownloadCsv } from '../../components/DownloadCsv.js';

interface Props {
  id: string;
  cell: HeatmapCell;
  currency: string;
  findings: Finding[];
  names: Names;
  onClose: () => void;
  /** How a finding is shown; the public portal passes its own card, which asks only the public API. */
  renderFinding?: (finding: Finding) => ReactNode;
}

/** "30 × F-16 aircraft" for a quantity row's amount. */
function units(amount: string, row: CoverageRow, locale: string): string {
  const what = describeItem({ item: row.item ?? undefined, unit: row.unit ?? undefined });
  const value = formatDecimal(amount, locale);
  return what ? `${value} × ${what}` : value;
}

function Providers({
  row,
  format,
  names,
}: {
  row: CoverageRow;
  format: (amount: string) => string;
  names: Names;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (row.providers.length === 0) return <p className="muted">{t('analysis.noProviders')}</p>;
  return (
    <DownloadCsv>
      <table className="compact-table providers">
        <caption className="visually-hidden">{t('analysis.providers')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('analysis.colPartner')}</th>
            <th scope="col" className="numeric">
              {t('analysis.colAmount')}
            </th>
            <th scope="col" className="numeric">
              {t('analysis.colShare')}
            </th>
          </tr>
        </thead>
        <tbody>
          {row.providers.map((provider) => (
            <tr key={provider.partner} data-partner={provider.partner}>
              <th scope="row">{names.partner(provider.partner)}</th>
              <td className="numeric">{format(provider.amount)}</td>
              <td className="numeric share">
                <meter className="share-meter" min={0} max={1} value={provider.share} aria-hidden="true" />{' '}
                <span className="share-value">
                  {formatPercent(provider.share, locale, { fractionDigits: 1, truncate: false })}
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </DownloadCsv>
  );
}

function Amounts({ row, currency }: { row: CoverageRow; currency: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const money = (amount: string) => formatCurrency(amount, currency, locale);
  const required = hasRequirement(row.required) && row.required !== null;
  return (
    <dl className="terms panel-amounts">
      <div className="term">
        <dt>{t('analysis.required')}</dt>
        <dd>
          {required && row.required ? (
            money(row.required)
          ) : (
            <span className="muted">{t('analysis.noRequirement')}</span>
          )}
        </dd>
      </div>
      <div className="term">
        <dt>{t('analysis.committed')}</dt>
        <dd>{money(row.committed)}</dd>
      </div>
      <div className="term">
        <dt>{t('analysis.committedAtRisk')}</dt>
        <dd>
          {money(row.committedAtRisk)}
          <span className="note">{t('analysis.committedAtRiskNote')}</span>
        </dd>
      </div>
      <div className="term">
        <dt>{t('analysis.delivered')}</dt>
        <dd>{money(row.delivered)}</dd>
      </div>
      {row.ratio !== null && required ? (
        <div className="term">
          <dt>{t('analysis.coverage')}</dt>
          <dd>{formatPercent(row.ratio, locale, { fractionDigits: 1 })}</dd>
        </div>
      ) : null}
    </dl>
  );
}

export function CellPanel({ id, cell, currency, findings, names, onClose, renderFinding }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const heading = useRef<HTMLHeadingElement>(null);

  // Opening a cell moves the reader to its details; Escape closes them.
  useEffect(() => {
    heading.current?.focus();
  }, [cell.area, cell.year]);

  const row = cell.row;
  const illustrative = cell.basis === 'illustrative' || cell.basis === 'mixed';
  return (
    <section
      id={id}
      className="panel cell-panel"
      aria-labelledby={`${id}-heading`}
      data-area={cell.area ?? 'unassigned'}
      data-year={cell.year}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onClose();
      }}
    >
      <div className="panel-header">
        <h3 id={`${id}-heading`} tabIndex={-1} ref={heading}>
          {names.area(cell.area)} · {cell.year}
        </h3>
        <button type="button" className="button-quiet" onClick={onClose}>
          {t('analysis.close')}
        </button>
      </div>
      {illustrative ? <p className="note panel-note">{t('analysis.illustrativeCell')}</p> : null}
      {cell.area === null ? <p className="note panel-note">{t('analysis.unassignedExplained')}</p> : null}
      {row ? (
        <>
          <Amounts row={row} currency={currency} />
          <h4>{t('analysis.providers')}</h4>
          <Providers row={row} format={(amount) => formatCurrency(amount, currency, locale)} names={names} />
        </>
      ) : (
        <p className="muted">{t('analysis.noMoneyRow')}</p>
      )}
      {cell.quantities.length > 0 ? (
        <>
          <h4>{t('analysis.quantities')}</h4>
          <ul className="quantities">
            {cell.quantities.map((quantity) => (
              <li key={`${quantity.unit ?? ''}-${quantity.item ?? ''}`}>
                <span className="figure">{units(quantity.committed, quantity, locale)}</span>
                {hasRequirement(quantity.required) && quantity.required ? (
                  <span className="muted">
                    {' '}
                    {t('analysis.quantityOf', { required: units(quantity.required, quantity, locale) })}
                  </span>
                ) : null}
                {quantity.providers.length > 0 ? (
                  <span className="note">
                    {quantity.providers
                      .map((p) => `${names.partner(p.partner)} ${formatDecimal(p.amount, locale)}`)
                      .join(t('common.listSeparator'))}
                  </span>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h4>{t('analysis.cellFindings', { n: findings.length })}</h4>
      {findings.length > 0 ? (
        <ul className="finding-list finding-list--compact">
          {findings.map((finding) => (
            <li key={finding.id}>
              {renderFinding ? renderFinding(finding) : <FindingCard finding={finding} names={names} currency={currency} />}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t('analysis.noCellFindings')}</p>
      )}
    </section>
  );
}
