import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CoalitionRoadmap, FairShareKey } from '@compact/core';
import { ApiError } from '../../api/client.js';
import { usePartnerName } from '../partners/queries.js';
import { useSetFairShareKey } from './queries.js';

/** Lets a lead choose GDP or enter the agreed shares; the server decides who may. */
export function FairShareKeyForm({ roadmap, current, version }: { roadmap: CoalitionRoadmap; current: FairShareKey | undefined; version: number }) {
  const { t } = useTranslation();
  const partnerName = usePartnerName();
  const formId = useId();
  const save = useSetFairShareKey(roadmap.coalitionId);
  const [kind, setKind] = useState<'gdp' | 'agreed'>(current?.kind ?? 'gdp');
  const [shares, setShares] = useState<Record<string, string>>(() =>
    Object.fromEntries(roadmap.members.map((member) => [member.partner, current?.kind === 'agreed' ? (current.shares[member.partner] ?? '') : ''])),
  );
  const [note, setNote] = useState(current?.kind === 'agreed' ? (current.note ?? '') : '');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const key: FairShareKey =
      kind === 'gdp'
        ? { kind: 'gdp' }
        : { kind: 'agreed', shares: Object.fromEntries(Object.entries(shares).filter(([, value]) => value.trim() !== '').map(([code, value]) => [code, value.trim()])), ...(note.trim() ? { note: note.trim() } : {}) };
    save.mutate({ key, version });
  };
  const error = save.error instanceof ApiError ? save.error : null;

  return (
    <form className="form fair-share-form" onSubmit={submit} aria-labelledby={`${formId}-title`}>
      <h3 id={`${formId}-title`}>{t('coalition.keyForm.title')}</h3>
      <fieldset>
        <legend>{t('coalition.keyForm.kind')}</legend>
        <label>
          <input type="radio" name={`${formId}-kind`} value="gdp" checked={kind === 'gdp'} onChange={() => setKind('gdp')} /> {t('coalition.key.gdp')}
        </label>
        <label>
          <input type="radio" name={`${formId}-kind`} value="agreed" checked={kind === 'agreed'} onChange={() => setKind('agreed')} /> {t('coalition.key.agreed')}
        </label>
      </fieldset>
      {kind === 'agreed' ? (
        <fieldset>
          <legend>{t('coalition.keyForm.weights')}</legend>
          <p className="hint">{t('coalition.keyForm.weightsHint')}</p>
          {roadmap.members.map((member) => (
            <label key={member.partner} className="field">
              <span>{partnerName(member.partner)}</span>
              <input
                inputMode="decimal"
                pattern="\d+(\.\d+)?"
                value={shares[member.partner] ?? ''}
                onChange={(event) => setShares({ ...shares, [member.partner]: event.target.value })}
              />
            </label>
          ))}
          <label className="field">
            <span>{t('coalition.keyForm.note')}</span>
            <input value={note} onChange={(event) => setNote(event.target.value)} />
          </label>
        </fieldset>
      ) : null}
      <button type="submit" disabled={save.isPending}>
        {t('coalition.keyForm.save')}
      </button>
      <p role="status" className="form-status">
        {save.isSuccess ? t('coalition.keyForm.saved') : null}
      </p>
      {error ? (
        <p role="alert" className="error">
          {error.status === 403 || error.status === 401 ? t('coalition.keyForm.forbidden') : error.message}
        </p>
      ) : null}
    </form>
  );
}
