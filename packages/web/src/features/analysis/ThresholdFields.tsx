import { ANALYSIS_THRESHOLDS, parseThreshold, thresholdProblems, type ThresholdSpec } from '@compact/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Thresholds } from './params.js';

interface Props {
  idPrefix: string;
  thresholds: Thresholds;
  onChange: (thresholds: Thresholds) => void;
}

/** A decimal comma, as Ukrainian writes numbers, read as the point the API takes. */
function readThreshold(spec: ThresholdSpec, text: string) {
  return parseThreshold(spec, text.replace(',', '.'));
}

/**
 * One threshold: an empty field is the default (shown as its placeholder). What is being typed
 * stays in the field; only a valid value is passed on, and an invalid one is marked and explained.
 */
function ThresholdField({
  id,
  spec,
  value,
  onChange,
}: {
  id: string;
  spec: ThresholdSpec;
  value: number | undefined;
  onChange: (value: number | undefined) => void;
}) {
  const { t } = useTranslation();
  const text = value === undefined ? '' : String(value);
  const [draft, setDraft] = useState(text);
  const [shown, setShown] = useState(text);
  if (shown !== text) {
    setShown(text);
    setDraft(text);
  }
  const parsed = draft.trim() === '' ? null : readThreshold(spec, draft);
  const invalid = parsed !== null && 'problem' in parsed;
  return (
    <div className="field">
      <label htmlFor={id}>{t(`analysis.thresholds.${spec.option}.label`)}</label>
      <input
        id={id}
        name={spec.option}
        inputMode="decimal"
        value={draft}
        placeholder={String(spec.defaultValue)}
        aria-invalid={invalid}
        aria-describedby={`${id}-hint${invalid ? ` ${id}-error` : ''}`}
        onChange={(event) => {
          const next = event.target.value;
          setDraft(next);
          if (next.trim() === '') onChange(undefined);
          else {
            const result = readThreshold(spec, next);
            if ('value' in result) onChange(result.value);
          }
        }}
      />
      <small id={`${id}-hint`} className="hint">
        {t(`analysis.thresholds.${spec.option}.hint`, { value: spec.defaultValue })}
      </small>
      {invalid ? (
        <small id={`${id}-error`} className="field-error">
          {t(spec.integer ? 'analysis.thresholds.wholeNumber' : 'analysis.thresholds.ratio')}
        </small>
      ) : null}
    </div>
  );
}

/** The rules' thresholds, folded away: most readers keep the defaults the issue's rules state. */
export function ThresholdFields({ idPrefix, thresholds, onChange }: Props) {
  const { t } = useTranslation();
  const changed = Object.keys(thresholds).length;
  // A critical GAP band above the high one is refused here, not sent: the field keeps what was typed.
  const [outOfOrder, setOutOfOrder] = useState(false);
  return (
    <details className="thresholds" open={changed > 0 ? true : undefined}>
      <summary>
        {t('analysis.thresholds.title')}
        {changed > 0 ? ` (${t('analysis.thresholds.changed', { count: changed })})` : ''}
      </summary>
      <p className="hint">{t('analysis.thresholds.intro')}</p>
      <div className="thresholds__fields">
        {ANALYSIS_THRESHOLDS.map((spec) => (
          <ThresholdField
            key={spec.option}
            id={`${idPrefix}-${spec.option}`}
            spec={spec}
            value={thresholds[spec.option]}
            onChange={(value) => {
              const next: Thresholds = { ...thresholds };
              if (value === undefined || value === spec.defaultValue) delete next[spec.option];
              else next[spec.option] = value;
              const refused = thresholdProblems(next).length > 0;
              setOutOfOrder(refused);
              if (!refused) onChange(next);
            }}
          />
        ))}
      </div>
      {outOfOrder ? (
        <p className="field-error" role="alert">
          {t('analysis.thresholds.gapOrder')}
        </p>
      ) : null}
      {changed > 0 ? (
        <button
          type="button"
          className="button-quiet"
          onClick={() => {
            setOutOfOrder(false);
            onChange({});
          }}
        >
          {t('analysis.thresholds.reset')}
        </button>
      ) : null}
    </details>
  );
}
