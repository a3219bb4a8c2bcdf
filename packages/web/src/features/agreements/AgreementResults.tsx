import type { ComponentProps } from 'react';
import { useTranslation } from 'react-i18next';
import { AgreementsTable } from './AgreementsTable.js';
import { countedAsOf } from './rows.js';

/** How many agreements are shown and counted, and their table (or a note that none match). */
export function AgreementResults({ stale = false, ...table }: ComponentProps<typeof AgreementsTable> & { stale?: boolean }) {
  const { t } = useTranslation();
  return (
    <div className={stale ? 'results results--stale' : 'results'} aria-busy={stale}>
      <p className="summary" aria-live="polite">
        {t('agreements.shown', { count: table.rows.length })} · {t('agreements.counted', { count: countedAsOf(table.rows) })}
      </p>
      {table.rows.length > 0 ? <AgreementsTable {...table} /> : <p className="empty">{t('agreements.empty')}</p>}
    </div>
  );
}
