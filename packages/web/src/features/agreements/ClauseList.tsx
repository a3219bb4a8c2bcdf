import { useTranslation } from 'react-i18next';
import { useClauses } from './queries.js';

/** The agreement's clauses, when the dataset has their text; nothing at all otherwise. */
export function ClauseList({ agreementId }: { agreementId: string }) {
  const { t } = useTranslation();
  const clauses = useClauses(agreementId);
  const items = clauses.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <section aria-labelledby="clauses-heading">
      <h2 id="clauses-heading">{t('detail.clauses')}</h2>
      <dl className="clauses">
        {items.map((clause) => (
          <div key={clause.id ?? clause.ref} className="clause">
            <dt>
              {clause.ref}
              {clause.heading ? ` · ${clause.heading}` : ''}
            </dt>
            <dd>{clause.text}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
