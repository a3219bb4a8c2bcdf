import { useTranslation } from 'react-i18next';

/** The "As of" day of a view; an emptied field keeps the last day rather than clearing the view. */
export function AsOfField({ value, onChange }: { value: string; onChange: (date: string) => void }) {
  const { t } = useTranslation();
  return (
    <label className="field">
      <span>{t('analysis.asOf')}</span>
      <input type="date" value={value} required onChange={(event) => event.target.value && onChange(event.target.value)} />
    </label>
  );
}
