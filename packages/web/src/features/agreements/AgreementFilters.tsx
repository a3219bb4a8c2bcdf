import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isIsoDate } from '../../format/date.js';
import { KIND_FILTERS, MIN_AS_OF, type KindFilter } from './rows.js';

interface Props {
  asOf: string;
  kind: KindFilter;
  onAsOfChange: (asOf: string) => void;
  onKindChange: (kind: KindFilter) => void;
}

const KIND_LABELS = {
  bilateral: 'agreements.kindAgreements',
  declarations: 'agreements.kindDeclarations',
  all: 'agreements.kindAll',
} as const satisfies Record<KindFilter, string>;

export function AgreementFilters({ asOf, kind, onAsOfChange, onKindChange }: Props) {
  const { t } = useTranslation();
  const id = useId();
  // The field may briefly hold an unfinished or too early date; only valid ones reach the query.
  const [draft, setDraft] = useState(asOf);
  const [shown, setShown] = useState(asOf);
  if (shown !== asOf) {
    setShown(asOf);
    setDraft(asOf);
  }

  return (
    <form className="filters" role="search" onSubmit={(event) => event.preventDefault()}>
      <div className="field">
        <label htmlFor={`${id}-as-of`}>{t('agreements.asOf')}</label>
        <input
          id={`${id}-as-of`}
          name="asOf"
          type="date"
          min={MIN_AS_OF}
          value={draft}
          aria-describedby={`${id}-as-of-hint`}
          onChange={(event) => {
            const value = event.target.value;
            setDraft(value);
            if (isIsoDate(value) && value >= MIN_AS_OF) onAsOfChange(value);
          }}
        />
        <small id={`${id}-as-of-hint`} className="hint">
          {t('agreements.asOfHint')}
        </small>
      </div>
      <div className="field">
        <label htmlFor={`${id}-kind`}>{t('agreements.kindFilter')}</label>
        <select
          id={`${id}-kind`}
          name="kind"
          value={kind}
          onChange={(event) => onKindChange(event.target.value as KindFilter)}
        >
          {KIND_FILTERS.map((option) => (
            <option key={option} value={option}>
              {t(KIND_LABELS[option])}
            </option>
          ))}
        </select>
      </div>
    </form>
  );
}
