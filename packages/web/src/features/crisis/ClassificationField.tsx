import { useTranslation } from 'react-i18next';
import type { Classification } from '@compact/core';
import { SelectField } from './SelectField.js';
import { CLASSIFICATIONS } from './vocabulary.js';

/** Who may see what is being created: public, restricted or confidential. */
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
    <SelectField
      id={id}
      name="classification"
      label={t('crisis.classificationLabel')}
      error={error}
      value={value}
      options={CLASSIFICATIONS}
      optionLabel={(option) => t(`crisis.classification.${option}`)}
      onChange={onChange}
    />
  );
}
