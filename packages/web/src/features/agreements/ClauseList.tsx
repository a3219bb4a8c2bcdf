import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { clauseAnchor } from './clauseAnchor.js';
import { ErrorMessage, Loading } from '../../components/QueryState.js';
import { TopicChips } from '../texts/TopicChips.js';
import { useClauses } from './queries.js';

/** The agreement's clauses with their references and topics. */
export function ClauseList({ agreementId }: { agreementId: string }) {
  const { t } = useTranslation();
  const clauses = useClauses(agreementId);
  const items = clauses.data?.items ?? [];
  const { hash } = useLocation();
  // A finding's clause link ends in #clause-…: once the clauses are here, bring it into view.
  useEffect(() => {
    if (!hash.startsWith('#clause-') || items.length === 0) return;
    const target = document.getElementById(decodeURIComponent(hash.slice(1)));
    if (!target) return;
    target.scrollIntoView({ block: 'center' });
    target.focus({ preventScroll: true });
  }, [hash, items.length]);
  return (
    <section aria-labelledby="clauses-heading" className="clause-list">
      <h3 id="clauses-heading">
        {t('detail.clauses')}
        {items.length > 0 ? (
          <span className="muted"> · {t('text.clauseCount', { count: items.length })}</span>
        ) : null}
      </h3>
      {clauses.isPending ? <Loading /> : null}
      {clauses.isError ? <ErrorMessage error={clauses.error} onRetry={() => void clauses.refetch()} /> : null}
      {clauses.data && items.length === 0 ? <p className="muted">{t('text.noClauses')}</p> : null}
      {items.length > 0 ? (
        <dl className="clauses">
          {items.map((clause) => (
            <div
              key={clause.id ?? clause.ref}
              id={clauseAnchor(clause.ref)}
              className={hash === `#${clauseAnchor(clause.ref)}` ? 'clause clause--target' : 'clause'}
              data-ref={clause.ref}
              tabIndex={-1}
            >
              <dt>
                <span className="clause-ref">{clause.ref}</span>
                {clause.heading ? ` · ${clause.heading}` : ''}
              </dt>
              <dd>
                <p className="clause-text">{clause.text}</p>
                <TopicChips topics={clause.topics ?? []} />
              </dd>
            </div>
          ))}
        </dl>
      ) : null}
    </section>
  );
}
