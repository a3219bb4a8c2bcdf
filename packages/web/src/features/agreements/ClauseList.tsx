import { useTranslation } from 'react-i18next';
import { ErrorMessage, Loading } from '../../components/QueryState.js';
import { TopicChips } from '../texts/TopicChips.js';
import { useClauses } from './queries.js';

/** The agreement's clauses with their references and topics. */
export function ClauseList({ agreementId }: { agreementId: string }) {
  const { t } = useTranslation();
  const clauses = useClauses(agreementId);
  const items = clauses.data?.items ?? [];
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
            <div key={clause.id ?? clause.ref} className="clause" data-ref={clause.ref}>
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
