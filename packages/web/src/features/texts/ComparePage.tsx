import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ErrorMessage, Loading } from '../../components/QueryState.js';
import { useDocumentTitle } from '../../components/useDocumentTitle.js';
import { useAgreements } from '../agreements/queries.js';
import { useFormatters } from '../../format/useFormatters.js';
import { useAgreementName } from '../agreements/useAgreementName.js';
import { CategoryMatrixSection } from './CategoryMatrix.js';
import { comparisonView, similarityPercent } from './compareRows.js';
import { Highlighted } from './Evidence.js';
import { toSegments } from './highlight.js';
import { useComparison } from './queries.js';
import { useAgreementNames } from './useAgreementNames.js';
import { FIGURE_KINDS, isOneOf } from './vocabulary.js';

function Picker({ a, b, onChange }: { a: string; b: string; onChange: (a: string, b: string) => void }) {
  const { t } = useTranslation();
  const agreements = useAgreements();
  const nameOf = useAgreementName();
  const [draftA, setDraftA] = useState(a);
  const [draftB, setDraftB] = useState(b);
  const options = useMemo(
    () =>
      (agreements.data?.items ?? [])
        .map((agreement) => ({ id: agreement.id, name: nameOf(agreement) }))
        .sort((x, y) => x.name.localeCompare(y.name)),
    [agreements.data, nameOf],
  );
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onChange(draftA, draftB);
  };
  const select = (id: string, label: string, value: string, set: (value: string) => void) => (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        name={id}
        value={value}
        onChange={(event) => {
          set(event.target.value);
          if (id === 'compare-a') onChange(event.target.value, draftB);
          else onChange(draftA, event.target.value);
        }}
      >
        <option value="">{t('compare.choose')}</option>
        {/* Keep an id from the address selectable even before the list has loaded. */}
        {value && !options.some((option) => option.id === value) ? (
          <option value={value}>{value}</option>
        ) : null}
        {options.map((option) => (
          <option key={option.id} value={option.id}>
            {option.name}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <form className="filters compare-picker" onSubmit={submit} aria-label={t('compare.pick')}>
      {select('compare-a', t('compare.a'), draftA, setDraftA)}
      {select('compare-b', t('compare.b'), draftB, setDraftB)}
      <div className="field field--action">
        <button type="submit" disabled={!draftA || !draftB}>
          {t('compare.show')}
        </button>
      </div>
    </form>
  );
}

function ClauseCell({
  refText,
  text,
  spans,
}: {
  refText: string;
  text: string;
  spans: { start: number; end: number }[];
}) {
  return (
    <>
      <span className="clause-ref">{refText}</span>
      <p className="compare-text">
        <Highlighted segments={toSegments(text, spans)} />
      </p>
    </>
  );
}

function Comparison({ a, b }: { a: string; b: string }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const names = useAgreementNames();
  const comparison = useComparison(a, b);
  const view = useMemo(() => (comparison.data ? comparisonView(comparison.data) : null), [comparison.data]);
  if (comparison.isPending) return <Loading />;
  if (comparison.isError)
    return <ErrorMessage error={comparison.error} onRetry={() => void comparison.refetch()} />;
  if (!view) return null;
  const nameA = names(a);
  const nameB = names(b);
  const kindLabel = (kind: string) => (isOneOf(FIGURE_KINDS, kind) ? t(`compare.figureKind.${kind}`) : kind);
  const noText = comparison.data.a.clauses.length === 0 || comparison.data.b.clauses.length === 0;
  return (
    <section aria-labelledby="comparison-heading" className="comparison" data-a={a} data-b={b}>
      <h2 id="comparison-heading">
        <Link to={`/agreements/${encodeURIComponent(a)}`}>{nameA}</Link> ·{' '}
        <Link to={`/agreements/${encodeURIComponent(b)}`}>{nameB}</Link>
      </h2>
      {noText ? <p className="empty">{t('compare.noText')}</p> : null}
      {!noText ? <p className="summary">{t('compare.pairs', { count: view.rows.length })}</p> : null}
      {!noText && view.rows.length === 0 ? <p className="empty">{t('compare.noPairs')}</p> : null}
      {view.rows.length > 0 ? (
        <div className="table-scroll" role="region" aria-labelledby="comparison-heading" tabIndex={0}>
          <table className="compare-table">
            <caption className="visually-hidden">{t('compare.caption', { a: nameA, b: nameB })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('compare.colA', { name: nameA })}</th>
                <th scope="col" className="numeric">
                  {t('compare.colSimilarity')}
                </th>
                <th scope="col">{t('compare.colB', { name: nameB })}</th>
              </tr>
            </thead>
            <tbody>
              {view.rows.map((row) => (
                <tr
                  key={`${row.aRef}|${row.bRef}`}
                  className={row.kinds.length > 0 ? 'differs' : undefined}
                  data-a-ref={row.aRef}
                  data-b-ref={row.bRef}
                >
                  <td>
                    <ClauseCell refText={row.aRef} text={row.aText} spans={row.aSpans} />
                  </td>
                  <td className="numeric similarity">
                    <meter min={0} max={1} value={row.similarity} aria-hidden="true" />
                    <span>
                      {t('compare.similarity', { percent: format.number(similarityPercent(row.similarity)) })}
                    </span>
                    {row.kinds.length > 0 ? (
                      <span className="note differs-note">
                        {t('compare.differs', { kinds: format.list(row.kinds.map(kindLabel)) })}
                      </span>
                    ) : null}
                  </td>
                  <td>
                    <ClauseCell refText={row.bRef} text={row.bText} spans={row.bSpans} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {!noText ? (
        <div className="only-in">
          {[
            { side: 'a', name: nameA, clauses: view.onlyInA },
            { side: 'b', name: nameB, clauses: view.onlyInB },
          ].map(({ side, name, clauses }) => (
            <section key={side} className={`only-in--${side}`} aria-labelledby={`only-in-${side}`}>
              <h3 id={`only-in-${side}`}>{t('compare.onlyIn', { name })}</h3>
              {clauses.length === 0 ? (
                <p className="muted">{t('compare.onlyInNone')}</p>
              ) : (
                <dl className="clauses">
                  {clauses.map((clause) => (
                    <div key={clause.ref} className="clause" data-ref={clause.ref}>
                      <dt>{clause.ref}</dt>
                      <dd>{clause.text}</dd>
                    </div>
                  ))}
                </dl>
              )}
            </section>
          ))}
        </div>
      ) : null}
    </section>
  );
}

export function ComparePage() {
  const { t } = useTranslation();
  useDocumentTitle(t('compare.title'));
  const [params, setParams] = useSearchParams();
  const a = params.get('a') ?? '';
  const b = params.get('b') ?? '';
  const change = (nextA: string, nextB: string) => {
    const copy = new URLSearchParams(params);
    for (const [key, value] of [
      ['a', nextA],
      ['b', nextB],
    ] as const) {
      if (value) copy.set(key, value);
      else copy.delete(key);
    }
    setParams(copy, { replace: true });
  };
  return (
    <>
      <h1>{t('compare.title')}</h1>
      <p className="lead">{t('compare.intro')}</p>
      <Picker key={`${a}|${b}`} a={a} b={b} onChange={change} />
      {a && b ? <Comparison a={a} b={b} /> : <p className="muted">{t('compare.choosePrompt')}</p>}
      <CategoryMatrixSection />
    </>
  );
}
