import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExchangeRateView } from '../../api/types.js';
import { ErrorMessage, Loading } from '../../components/QueryState.js';
import { useDocumentTitle } from '../../components/useDocumentTitle.js';
import { formatDecimal } from '../../format/number.js';
import { useLanguage, useLocale } from '../../i18n/useLanguage.js';
import { useExchangeRates } from './queries.js';
import {
  buildRateGrid,
  footnotedRates,
  rateKey,
  rateMark,
  sourceGroups,
  unitsPerEur,
  unverifiedSummary,
  type RateGrid,
} from './rates.js';
import { DownloadCsv } from '../../components/DownloadCsv.js';

function noteId(rate: Pick<ExchangeRateView, 'currency' | 'year'>): string {
  return `rate-note-${rate.currency}-${rate.year}`;
}

/** "British Pound" / "англійський фунт стерлінгів"; the code alone where Intl does not know it. */
function useCurrencyName(): (code: string) => string {
  const locale = useLocale();
  return useMemo(() => {
    let names: Intl.DisplayNames | null = null;
    try {
      names = new Intl.DisplayNames([locale], { type: 'currency' });
    } catch {
      names = null;
    }
    return (code: string) => {
      const name = names?.of(code);
      return name && name !== code ? name : code;
    };
  }, [locale]);
}

function RateCell({ rate, footnote }: { rate: ExchangeRateView | undefined; footnote: number | undefined }) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (!rate) {
    return (
      <td className="numeric rate-cell rate-cell--empty">
        <span aria-hidden="true">—</span>
        <span className="visually-hidden">{t('rates.noRate')}</span>
      </td>
    );
  }
  const units = unitsPerEur(rate);
  const mark = rateMark(rate);
  const tooltip = [rate.note, t('rates.source', { source: rate.source })].filter(Boolean).join(' — ');
  return (
    <td className={`numeric rate-cell${mark ? ` rate-cell--${mark}` : ''}`} title={tooltip}>
      {units ? (
        <span className="rate-value">
          {units.inverted ? (
            <span title={t('rates.invertedHint', { value: formatDecimal(rate.eurPerUnit ?? '', locale) })}>
              ≈{' '}
            </span>
          ) : null}
          {formatDecimal(units.value, locale)}
        </span>
      ) : (
        <span className="muted">{t('common.unknown')}</span>
      )}
      {/* Every cell keeps the mark's room, so the figures stay aligned. */}
      {mark === 'computed' ? (
        <span className="rate-mark" title={t('rates.computedHint')}>
          <span aria-hidden="true">†</span>
          <span className="visually-hidden">{t('rates.computed')}</span>
        </span>
      ) : (
        <span className="rate-mark" aria-hidden="true" />
      )}
      {mark === 'unverified' || mark === 'disputed' ? (
        <span className="rate-flags">
          <span className={`badge badge--${mark}`} title={tooltip}>
            {t(mark === 'unverified' ? 'confidence.M' : 'confidence.V*')}
          </span>
          {footnote !== undefined ? (
            <sup>
              <a href={`#${noteId(rate)}`} aria-label={t('rates.noteRef', { number: footnote })}>
                {footnote}
              </a>
            </sup>
          ) : null}
        </span>
      ) : null}
    </td>
  );
}

function RateTable({ grid, footnotes }: { grid: RateGrid; footnotes: ReadonlyMap<string, number> }) {
  const { t } = useTranslation();
  const currencyName = useCurrencyName();
  const captionId = useId();
  return (
    <div className="table-scroll table-scroll--fit" role="region" aria-labelledby={captionId} tabIndex={0}>
      <DownloadCsv>
        <table className="rates">
          <caption id={captionId}>{t('rates.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('rates.colCurrency')}</th>
              {grid.years.map((year) => (
                <th key={year} scope="col" className="numeric">
                  {year}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {grid.currencies.map((currency) => (
              <tr key={currency} data-currency={currency}>
                <th scope="row">
                  <abbr title={currencyName(currency)}>{currency}</abbr>
                  <span className="note">{currencyName(currency)}</span>
                </th>
                {grid.years.map((year) => {
                  const key = rateKey(currency, year);
                  return <RateCell key={year} rate={grid.rates.get(key)} footnote={footnotes.get(key)} />;
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </DownloadCsv>
    </div>
  );
}

export function RatesPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('rates.title'));
  const language = useLanguage();
  const locale = useLocale();
  const rates = useExchangeRates();
  const items = useMemo(() => rates.data?.items ?? [], [rates.data]);
  const grid = useMemo(() => buildRateGrid(items), [items]);
  const notes = useMemo(() => footnotedRates(grid), [grid]);
  const footnotes = useMemo(
    () => new Map(notes.map((rate, index) => [rateKey(rate.currency, rate.year), index + 1])),
    [notes],
  );
  const groups = useMemo(
    () => sourceGroups(items.filter((rate) => !footnotes.has(rateKey(rate.currency, rate.year)))),
    [items, footnotes],
  );
  const unverified = unverifiedSummary(items);
  const list = (values: readonly string[]) =>
    new Intl.ListFormat(locale, { type: 'conjunction' }).format(values);
  const years = unverified.years.map(String);
  const hasComputed = items.some((rate) => rate.confidence === 'computed');
  // The notes and sources are data in English; mark them so screen readers pronounce them right.
  const dataLang = language === 'uk' ? 'en' : undefined;

  return (
    <>
      <h1>{t('rates.title')}</h1>
      <div className="lead">
        <p>{t('rates.intro')}</p>
        {unverified.years.length > 0 ? (
          <p>
            {t('rates.unverified', {
              count: unverified.currencies,
              years:
                years.length === 1
                  ? t('rates.inYear', { year: years[0] })
                  : t('rates.inYears', { years: list(years) }),
            })}{' '}
            {t('rates.replace')}
          </p>
        ) : (
          <p>{t('rates.replace')}</p>
        )}
      </div>
      {rates.isPending ? <Loading /> : null}
      {rates.isError ? <ErrorMessage error={rates.error} onRetry={() => void rates.refetch()} /> : null}
      {rates.data ? (
        items.length === 0 ? (
          <p className="empty">{t('rates.empty')}</p>
        ) : (
          <>
            <RateTable grid={grid} footnotes={footnotes} />
            {hasComputed ? (
              <p className="legend-note">
                <span aria-hidden="true">† </span>
                {t('rates.computedLegend')}
              </p>
            ) : null}
            {notes.length > 0 ? (
              <section aria-labelledby="rate-notes-heading">
                <h2 id="rate-notes-heading">{t('rates.notesHeading')}</h2>
                <ol className="footnotes">
                  {notes.map((rate) => (
                    <li key={noteId(rate)} id={noteId(rate)}>
                      <strong>
                        {rate.currency} {rate.year}
                      </strong>{' '}
                      <span className={`badge badge--${rateMark(rate) ?? 'unverified'}`}>
                        {t(rate.confidence === 'V*' ? 'confidence.V*' : 'confidence.M')}
                      </span>
                      {rate.note ? (
                        <span className="footnote-text" lang={dataLang}>
                          {' '}
                          {rate.note}
                        </span>
                      ) : null}
                      <span className="footnote-source">
                        {t('rates.sourceLabel')}: <span lang={dataLang}>{rate.source}</span>
                      </span>
                    </li>
                  ))}
                </ol>
              </section>
            ) : null}
            {groups.length > 0 ? (
              <section aria-labelledby="rate-sources-heading">
                <h2 id="rate-sources-heading">{t('rates.sourcesHeading')}</h2>
                <ul className="rate-sources">
                  {groups.map((group) => (
                    <li key={`${group.source}-${group.note ?? ''}`}>
                      <span lang={dataLang}>{group.source}</span>
                      <span className="note">
                        {t('rates.groupCount', { count: group.count, years: list(group.years.map(String)) })}
                        {group.note ? (
                          <>
                            {' · '}
                            <span lang={dataLang}>{group.note}</span>
                          </>
                        ) : null}
                      </span>
                    </li>
                  ))}
                </ul>
              </section>
            ) : null}
          </>
        )
      ) : null}
    </>
  );
}
