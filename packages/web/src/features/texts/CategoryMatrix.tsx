import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorMessage, Loading } from '../../components/QueryState.js';
import { useFormatters } from '../../format/useFormatters.js';
import { gapsByCategory, matrixRows } from './compareRows.js';
import { useCategoryMatrix } from './queries.js';
import { useAgreementNames } from './useAgreementNames.js';
import { G7, isOneOf } from './vocabulary.js';
import { DownloadCsv } from '../../components/DownloadCsv.js';

/** Agreements × G7 Joint Declaration categories: ✓ with the covering clauses, gaps marked. */
export function CategoryMatrixSection() {
  const { t } = useTranslation();
  const format = useFormatters();
  const names = useAgreementNames();
  const matrix = useCategoryMatrix();
  const rows = useMemo(() => (matrix.data ? matrixRows(matrix.data, names) : []), [matrix.data, names]);
  const gaps = useMemo(() => gapsByCategory(rows), [rows]);
  const categories = matrix.data?.categories ?? [];
  const label = (category: string) => (isOneOf(G7, category) ? t(`g7.${category}`) : category);
  return (
    <section aria-labelledby="matrix-heading" className="category-matrix">
      <h2 id="matrix-heading">{t('compare.matrixHeading')}</h2>
      <p className="muted">{t('compare.matrixIntro')}</p>
      {matrix.isPending ? <Loading /> : null}
      {matrix.isError ? <ErrorMessage error={matrix.error} onRetry={() => void matrix.refetch()} /> : null}
      {matrix.data && rows.length === 0 ? <p className="empty">{t('compare.matrixEmpty')}</p> : null}
      {rows.length > 0 ? (
        <div className="table-scroll" role="region" aria-labelledby="matrix-heading" tabIndex={0}>
          <DownloadCsv>
            <table className="matrix">
              <caption className="visually-hidden">{t('compare.matrixCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('compare.colAgreement')}</th>
                  {categories.map((category) => (
                    <th key={category} scope="col" className="matrix-category">
                      <abbr title={label(category)}>{category}</abbr>
                      <span className="matrix-category__name">{label(category)}</span>
                    </th>
                  ))}
                  <th scope="col" className="numeric">
                    {t('compare.colGaps')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.id} data-agreement={row.id}>
                    <th scope="row">
                      <Link to={`/agreements/${encodeURIComponent(row.id)}`}>{names(row.id)}</Link>
                    </th>
                    {row.cells.map((cell) =>
                      cell.covered ? (
                        <td
                          key={cell.category}
                          className="matrix-cell matrix-cell--covered"
                          data-category={cell.category}
                          title={t('compare.covered', { refs: format.list(cell.refs) })}
                        >
                          <span aria-hidden="true">✓</span>
                          <span className="visually-hidden">
                            {t('compare.covered', { refs: format.list(cell.refs) })}
                          </span>
                        </td>
                      ) : (
                        <td
                          key={cell.category}
                          className="matrix-cell matrix-cell--gap"
                          data-category={cell.category}
                          title={t('compare.gap')}
                        >
                          <span aria-hidden="true">—</span>
                          <span className="visually-hidden">{t('compare.gap')}</span>
                        </td>
                      ),
                    )}
                    <td className="numeric">{format.number(row.gaps)}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">{t('compare.gapsFooter')}</th>
                  {categories.map((category) => (
                    <td
                      key={category}
                      className={`numeric${(gaps[category] ?? 0) > 0 ? ' matrix-gaps' : ''}`}
                    >
                      {format.number(gaps[category] ?? 0)}
                    </td>
                  ))}
                  <td />
                </tr>
              </tfoot>
            </table>
          </DownloadCsv>
        </div>
      ) : null}
    </section>
  );
}
