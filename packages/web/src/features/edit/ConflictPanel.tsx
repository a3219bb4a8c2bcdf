import { useTranslation } from 'react-i18next';
import type { EntityRecord } from '../../api/client.js';
import { labelKey, type FieldSpec } from './fields.js';
import { diffFields, type Raw } from './formModel.js';

/** "Someone changed this": what they changed, what you changed, and the two ways on. */
export function ConflictPanel({
  specs,
  base,
  theirs,
  mine,
  pending,
  onReload,
  onKeepMine,
}: {
  specs: readonly FieldSpec[];
  base: EntityRecord;
  theirs: EntityRecord;
  mine: Raw;
  pending: boolean;
  onReload: () => void;
  onKeepMine: () => void;
}) {
  const { t } = useTranslation();
  const rows = diffFields(specs, base, theirs, mine);
  const empty = <span className="muted">{t('edit.emptyValue')}</span>;
  return (
    <section className="conflict" role="alert" aria-labelledby="conflict-heading">
      <h2 id="conflict-heading">{t('edit.conflictHeading')}</h2>
      <p>
        {t('edit.conflictIntro', {
          mine: typeof base.version === 'number' ? base.version : '?',
          theirs: typeof theirs.version === 'number' ? theirs.version : '?',
        })}
      </p>
      <div className="table-scroll" role="region" aria-labelledby="conflict-heading" tabIndex={0}>
        <table className="data-table conflict-table">
          <caption className="visually-hidden">{t('edit.conflictCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('edit.colField')}</th>
              <th scope="col">{t('edit.colBefore')}</th>
              <th scope="col">{t('edit.colTheirs')}</th>
              <th scope="col">{t('edit.colMine')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.path} data-field={row.path} className={row.clash ? 'row-critical' : undefined}>
                <th scope="row">
                  {t(labelKey(row.path) as 'edit.field.id')}
                  {row.clash ? <span className="badge badge--disputed">{t('edit.bothChanged')}</span> : null}
                </th>
                <td>{row.base || empty}</td>
                <td className={row.theirsChanged ? 'changed' : undefined}>{row.theirs || empty}</td>
                <td className={row.mine !== row.base ? 'changed' : undefined}>{row.mine || empty}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="form-actions">
        <button type="button" onClick={onReload} disabled={pending}>
          {t('edit.reloadTheirs')}
        </button>
        <button type="button" onClick={onKeepMine} disabled={pending}>
          {t('edit.keepMine')}
        </button>
      </div>
      <p className="hint">{t('edit.conflictHint')}</p>
    </section>
  );
}
