import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommitmentDraft } from '../../api/types.js';
import { formFromDraft, type DraftField, type DraftForm } from './review.js';
import { CAPABILITY_AREAS, CATEGORIES, FIRMNESS, QUALIFIERS } from './vocabulary.js';

export interface FieldError {
  field: DraftField;
  message: string;
}

/** The "Edit & accept" form; the API checks the values and its error names the field shown here. */
export function EditDraftForm({
  draft,
  busy,
  fieldError,
  onSubmit,
  onCancel,
}: {
  draft: CommitmentDraft;
  busy: boolean;
  fieldError: FieldError | null;
  onSubmit: (form: DraftForm) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [form, setForm] = useState<DraftForm>(() => formFromDraft(draft));
  const prefix = useId();
  const id = (field: DraftField) => `${prefix}-${field}`;
  const set = (field: DraftField) => (event: { target: { value: string } }) =>
    setForm((previous) => ({ ...previous, [field]: event.target.value }));
  const invalid = (field: DraftField) =>
    fieldError?.field === field
      ? { 'aria-invalid': true as const, 'aria-describedby': `${id(field)}-error` }
      : {};
  const errorOf = (field: DraftField) =>
    fieldError?.field === field ? (
      <span id={`${id(field)}-error`} className="field-error" role="alert">
        {fieldError.message}
      </span>
    ) : null;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onSubmit(form);
  };

  return (
    <form className="edit-draft" onSubmit={submit} aria-busy={busy}>
      <div className="edit-draft__grid">
        <div className="field">
          <label htmlFor={id('amount')}>{t('review.field.amount')}</label>
          <input
            id={id('amount')}
            name="amount"
            inputMode="decimal"
            value={form.amount}
            onChange={set('amount')}
            aria-describedby={`${id('amount')}-hint`}
            {...invalid('amount')}
          />
          <span id={`${id('amount')}-hint`} className="hint">
            {t('review.field.amountHint')}
          </span>
          {errorOf('amount')}
        </div>
        <div className="field">
          <label htmlFor={id('currency')}>{t('review.field.currency')}</label>
          <input
            id={id('currency')}
            name="currency"
            maxLength={3}
            size={4}
            autoCapitalize="characters"
            value={form.currency}
            onChange={set('currency')}
            {...invalid('currency')}
          />
          {errorOf('currency')}
        </div>
        <div className="field">
          <label htmlFor={id('qualifier')}>{t('review.field.qualifier')}</label>
          <select
            id={id('qualifier')}
            name="qualifier"
            value={form.qualifier}
            onChange={set('qualifier')}
            {...invalid('qualifier')}
          >
            <option value="">{t('review.field.noQualifier')}</option>
            {QUALIFIERS.map((qualifier) => (
              <option key={qualifier} value={qualifier}>
                {t(`review.qualifier.${qualifier}`)}
              </option>
            ))}
          </select>
          {errorOf('qualifier')}
        </div>
        <div className="field">
          <label htmlFor={id('from')}>{t('review.field.from')}</label>
          <input
            id={id('from')}
            name="from"
            type="date"
            value={form.from}
            onChange={set('from')}
            {...invalid('from')}
          />
          {errorOf('from')}
        </div>
        <div className="field">
          <label htmlFor={id('to')}>{t('review.field.to')}</label>
          <input
            id={id('to')}
            name="to"
            type="date"
            value={form.to}
            onChange={set('to')}
            {...invalid('to')}
          />
          {errorOf('to')}
        </div>
        <div className="field">
          <label htmlFor={id('category')}>{t('review.field.category')}</label>
          <select
            id={id('category')}
            name="category"
            value={form.category}
            onChange={set('category')}
            {...invalid('category')}
          >
            {CATEGORIES.map((category) => (
              <option key={category} value={category}>
                {t(`category.${category}`)}
              </option>
            ))}
          </select>
          {errorOf('category')}
        </div>
        <div className="field">
          <label htmlFor={id('capabilityArea')}>{t('review.field.capabilityArea')}</label>
          <select
            id={id('capabilityArea')}
            name="capabilityArea"
            value={form.capabilityArea}
            onChange={set('capabilityArea')}
            {...invalid('capabilityArea')}
          >
            <option value="">{t('review.field.noCapability')}</option>
            {CAPABILITY_AREAS.map((area) => (
              <option key={area} value={area}>
                {t(`capability.${area}`)}
              </option>
            ))}
          </select>
          {errorOf('capabilityArea')}
        </div>
        <div className="field">
          <label htmlFor={id('firmness')}>{t('review.field.firmness')}</label>
          <select
            id={id('firmness')}
            name="firmness"
            value={form.firmness}
            onChange={set('firmness')}
            {...invalid('firmness')}
          >
            {FIRMNESS.map((firmness) => (
              <option key={firmness} value={firmness}>
                {t(`firmness.${firmness}`)}
              </option>
            ))}
          </select>
          {errorOf('firmness')}
        </div>
      </div>
      <div className="actions">
        <button type="submit" disabled={busy}>
          {busy ? t('review.working') : t('review.saveAccept')}
        </button>
        <button type="button" className="button-quiet" onClick={onCancel} disabled={busy}>
          {t('review.cancel')}
        </button>
      </div>
    </form>
  );
}
