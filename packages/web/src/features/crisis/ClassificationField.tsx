import { useTranslation } from 'react-i18next';
import type { Classification } from '@compact/core';
import { FormField } from './FormField.js';
import { CLASSIFICATIONS } from './vocabulary.js';

/** Who may see what is being created: public, restricted or confidential, with the API's message for the field. */
export function ClassificationField({
  id,
  value,
  error,
  onChange,
}: {
  id: string;
  value: Classification;
  error?: string | undefined;
  onChange: (value: Classification) => void;
}) {
  const { t } = useTranslation();
  return (
    <FormField id={id} name="classification" label={t('crisis.classificationLabel')} error={error}>
      {(props) => (
        <select {...props} value={value} onChange={(e) => onChange(e.target.value as Classification)}>
          {CLASSIFICATIONS.map((option) => (
            <option key={option} value={option}>
              {t(`crisis.classification.${option}`)}
            </option>
          ))}
        </select>
      )}
    </FormField>
  );
}
