import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isIsoDate } from '../../format/date.js';
import { parseCurrency, REPORT_CURRENCIES, type AnalysisControls } from './params.js';
import { ThresholdFields } from './ThresholdFields.js';

interface Props {
  controls: AnalysisControls;
  onChange: (controls: AnalysisControls) => void;
}

/** A date field that passes on only complete, valid days; what is being typed stays in the field. */
function DateField({
  id,
  name,
  label,
  hint,
  value,
  onChange,
}: {
  id: string;
  name: string;
  label: string;
  hint: string;
  value: string;
  onChange: (value: string) => void;
}) {
  const [draft, setDraft] = useState(value);
  const [shown, setShown] = useState(value);
  if (shown !== value) {
    setShown(value);
    setDraft(value);
  }
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        name={name}
        type="date"
        value={draft}
        aria-describedby={`${id}-hint`}
        onChange={(event) => {
          const next = event.target.value;
          setDraft(next);
          if (next === '' || isIsoDate(next)) onChange(next);
        }}
      />
      <small id={`${id}-hint`} className="hint">
        {hint}
      </small>
    </div>
  );
}

export function AnalysisControlsForm({ controls, onChange }: Props) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <form
      className="filters"
      aria-label={t('analysis.controls')}
      onSubmit={(event) => event.preventDefault()}
    >
      <DateField
        id={`${id}-as-of`}
        name="asOf"
        label={t('analysis.asOf')}
        hint={t('analysis.asOfHint')}
        value={controls.asOf}
        onChange={(asOf) => {
          if (asOf) onChange({ ...controls, asOf });
        }}
      />
      <div className="field">
        <label htmlFor={`${id}-currency`}>{t('analysis.currency')}</label>
        <select
          id={`${id}-currency`}
          name="currency"
          value={controls.currency}
          aria-describedby={`${id}-currency-hint`}
          onChange={(event) => onChange({ ...controls, currency: parseCurrency(event.target.value) })}
        >
          {REPORT_CURRENCIES.map((currency) => (
            <option key={currency} value={currency}>
              {t(`analysis.currencyName.${currency}`)}
            </option>
          ))}
        </select>
        <small id={`${id}-currency-hint`} className="hint">
          {t('analysis.currencyHint')}
        </small>
      </div>
      <DateField
        id={`${id}-nato`}
        name="natoAccession"
        label={t('analysis.natoAccession')}
        hint={t('analysis.natoAccessionHint')}
        value={controls.natoAccession ?? ''}
        onChange={(natoAccession) => onChange({ ...controls, natoAccession: natoAccession || null })}
      />
      {controls.natoAccession ? (
        <div className="field field--action">
          <button
            type="button"
            className="button-quiet"
            onClick={() => onChange({ ...controls, natoAccession: null })}
          >
            {t('analysis.clearNatoAccession')}
          </button>
        </div>
      ) : null}
      <ThresholdFields
        idPrefix={`${id}-threshold`}
        thresholds={controls.thresholds ?? {}}
        onChange={(thresholds) => {
          const { thresholds: _previous, ...rest } = controls;
          onChange(Object.keys(thresholds).length > 0 ? { ...rest, thresholds } : rest);
        }}
      />
    </form>
  );
}
