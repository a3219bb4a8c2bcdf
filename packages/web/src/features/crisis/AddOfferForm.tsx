import { useId, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { RequestLine } from '@compact/core';
import { localIsoDate } from '../../format/date.js';
import { usePartnerName, usePartners } from '../partners/queries.js';
import { fieldErrors } from './errors.js';
import { FormError, FormField } from './FormField.js';
import { toOfferInput, type OfferForm } from './offer.js';
import { useAddOffer } from './queries.js';

/** Records a partner's offer (the coordinator may enter one for any partner). */
export function AddOfferForm({ requestId, lines }: { requestId: string; lines: RequestLine[] }) {
  const { t } = useTranslation();
  const prefix = useId();
  const add = useAddOffer(requestId);
  const partners = usePartners();
  const partnerName = usePartnerName();
  const first = lines[0];
  const empty = (): OfferForm => ({
    partner: '',
    lineId: '',
    item: first?.item ?? '',
    unit: first?.unit ?? 'items',
    quantity: '',
    earliestDelivery: localIsoDate(new Date()),
    amount: '',
    currency: 'EUR',
    conditions: '',
  });
  const [form, setForm] = useState<OfferForm>(empty);
  const errors = fieldErrors(add.error);
  const options = useMemo(
    () =>
      (partners.data?.items ?? [])
        .filter((partner) => partner.code !== 'UA')
        .map((partner) => ({ code: partner.code, name: partnerName(partner.code) }))
        .sort((a, b) => a.name.localeCompare(b.name)),
    [partners.data, partnerName],
  );
  const set = (field: keyof OfferForm) => (event: { target: { value: string } }) =>
    setForm((previous) => ({ ...previous, [field]: event.target.value }));
  const chooseLine = (event: { target: { value: string } }) => {
    const line = lines.find((candidate) => candidate.id === event.target.value);
    setForm((previous) => ({
      ...previous,
      lineId: event.target.value,
      ...(line ? { item: line.item, unit: line.unit } : {}),
    }));
  };
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    add.mutate(toOfferInput(form), { onSuccess: () => setForm(empty()) });
  };

  return (
    <form className="crisis-form" onSubmit={submit} aria-labelledby={`${prefix}-heading`} noValidate>
      <h3 id={`${prefix}-heading`}>{t('crisis.offer.heading')}</h3>
      <div className="crisis-form__grid">
        <FormField
          id={`${prefix}-partner`}
          name="partner"
          label={t('crisis.offers.partner')}
          error={errors.partner}
        >
          {(props) => (
            <select {...props} value={form.partner} onChange={set('partner')}>
              <option value="">{t('crisis.offer.choosePartner')}</option>
              {options.map((option) => (
                <option key={option.code} value={option.code}>
                  {option.name}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField
          id={`${prefix}-lineId`}
          name="lineId"
          label={t('crisis.offers.line')}
          error={errors.lineId}
        >
          {(props) => (
            <select {...props} value={form.lineId} onChange={chooseLine}>
              <option value="">{t('crisis.offers.anyLine')}</option>
              {lines.map((line, index) => (
                <option key={line.id} value={line.id}>
                  {t('crisis.line.legend', { n: index + 1 })}: {line.item}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField id={`${prefix}-item`} name="item" label={t('crisis.line.item')} error={errors.item}>
          {(props) => <input {...props} value={form.item} onChange={set('item')} />}
        </FormField>
        <FormField id={`${prefix}-unit`} name="unit" label={t('crisis.line.unit')} error={errors.unit}>
          {(props) => <input {...props} size={8} value={form.unit} onChange={set('unit')} />}
        </FormField>
        <FormField
          id={`${prefix}-quantity`}
          name="quantity"
          label={t('crisis.line.quantity')}
          error={errors.quantity}
        >
          {(props) => (
            <input
              {...props}
              type="number"
              min={1}
              step={1}
              value={form.quantity}
              onChange={set('quantity')}
            />
          )}
        </FormField>
        <FormField
          id={`${prefix}-earliestDelivery`}
          name="earliestDelivery"
          label={t('crisis.offers.earliestDelivery')}
          error={errors.earliestDelivery}
        >
          {(props) => (
            <input {...props} type="date" value={form.earliestDelivery} onChange={set('earliestDelivery')} />
          )}
        </FormField>
        <FormField
          id={`${prefix}-amount`}
          name="unitCost.amount"
          label={t('crisis.offer.amount')}
          hint={t('crisis.offer.amountHint')}
          error={errors['unitCost.amount'] ?? errors.unitCost}
        >
          {(props) => <input {...props} inputMode="decimal" value={form.amount} onChange={set('amount')} />}
        </FormField>
        <FormField
          id={`${prefix}-currency`}
          name="unitCost.currency"
          label={t('crisis.offer.currency')}
          error={errors['unitCost.currency']}
        >
          {(props) => (
            <input
              {...props}
              maxLength={3}
              size={4}
              autoCapitalize="characters"
              value={form.currency}
              onChange={set('currency')}
            />
          )}
        </FormField>
        <FormField
          id={`${prefix}-conditions`}
          name="conditions"
          label={t('crisis.offers.conditions')}
          hint={t('crisis.offer.conditionsHint')}
          error={errors.conditions}
          className="field--grow"
        >
          {(props) => <textarea {...props} rows={2} value={form.conditions} onChange={set('conditions')} />}
        </FormField>
      </div>
      <FormError error={add.error} />
      <div className="actions">
        <button type="submit" disabled={add.isPending}>
          {add.isPending ? t('crisis.offer.working') : t('crisis.offer.submit')}
        </button>
      </div>
    </form>
  );
}
