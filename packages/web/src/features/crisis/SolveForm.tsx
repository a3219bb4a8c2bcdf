import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Offer, RequestLine } from '@compact/core';
import { usePartnerName } from '../partners/queries.js';
import { allocationInput, pinLine } from './allocation.js';
import { fieldErrors } from './errors.js';
import { FormError, FormField } from './FormField.js';
import { useSolve } from './queries.js';

function toggle(set: ReadonlySet<string>, id: string, on: boolean): Set<string> {
  const next = new Set(set);
  if (on) next.add(id);
  else next.delete(id);
  return next;
}

/** Asks the solver for a proposal: offers pinned or left out (checkboxes), an optional fair-share cap. */
export function SolveForm({
  requestId,
  offers,
  lines,
  again,
}: {
  requestId: string;
  offers: Offer[];
  lines: RequestLine[];
  again: boolean;
}) {
  const { t } = useTranslation();
  const prefix = useId();
  const partnerName = usePartnerName();
  const solve = useSolve(requestId);
  const [pinned, setPinned] = useState<ReadonlySet<string>>(new Set());
  const [excluded, setExcluded] = useState<ReadonlySet<string>>(new Set());
  const [capPercent, setCapPercent] = useState('');
  const errors = fieldErrors(solve.error);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    solve.mutate(allocationInput({ pinned, excluded, capPercent }, offers, lines));
  };

  return (
    <form className="solve-form" onSubmit={submit} aria-labelledby={`${prefix}-heading`} noValidate>
      <h3 id={`${prefix}-heading`}>{t('crisis.allocation.choices')}</h3>
      {offers.length ? (
        <div className="table-scroll">
          <table className="solve-choices">
            <caption>{t('crisis.allocation.choicesCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('crisis.offers.partner')}</th>
                <th scope="col">{t('crisis.line.item')}</th>
                <th scope="col">{t('crisis.allocation.pin')}</th>
                <th scope="col">{t('crisis.allocation.exclude')}</th>
              </tr>
            </thead>
            <tbody>
              {offers.map((offer) => {
                const name = partnerName(offer.partner);
                const what = `${name}, ${offer.quantity} ${offer.item}`;
                const pinnable = pinLine(offer, lines) !== null;
                return (
                  <tr key={offer.id} data-id={offer.id}>
                    <th scope="row">{name}</th>
                    <td>
                      {offer.quantity} {offer.item}
                    </td>
                    <td>
                      <input
                        type="checkbox"
                        checked={pinned.has(offer.id)}
                        disabled={!pinnable || excluded.has(offer.id)}
                        aria-label={t('crisis.allocation.pinLabel', { offer: what })}
                        onChange={(e) => setPinned(toggle(pinned, offer.id, e.target.checked))}
                      />
                    </td>
                    <td>
                      <input
                        type="checkbox"
                        checked={excluded.has(offer.id)}
                        aria-label={t('crisis.allocation.excludeLabel', { offer: what })}
                        onChange={(e) => {
                          setExcluded(toggle(excluded, offer.id, e.target.checked));
                          if (e.target.checked) setPinned(toggle(pinned, offer.id, false));
                        }}
                      />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : null}
      <div className="crisis-form__grid">
        <FormField
          id={`${prefix}-cap`}
          name="fairShareCap"
          label={t('crisis.allocation.cap')}
          hint={t('crisis.allocation.capHint')}
          error={errors.fairShareCap}
        >
          {(props) => (
            <input
              {...props}
              type="number"
              min={1}
              max={100}
              step="any"
              value={capPercent}
              onChange={(e) => setCapPercent(e.target.value)}
            />
          )}
        </FormField>
      </div>
      <FormError error={solve.error} />
      <div className="actions">
        <button type="submit" disabled={solve.isPending || offers.length === 0}>
          {solve.isPending
            ? t('crisis.allocation.working')
            : again
              ? t('crisis.allocation.resolve')
              : t('crisis.allocation.solve')}
        </button>
      </div>
    </form>
  );
}
