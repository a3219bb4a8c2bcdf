import { FormField } from './FormField.js';

/** A labelled choice among a fixed list (an enum of the API), with the API's message for the field. */
export function SelectField<T extends string>({
  id,
  name,
  label,
  error,
  value,
  options,
  optionLabel,
  onChange,
}: {
  id: string;
  name: string;
  label: string;
  error?: string | undefined;
  value: T;
  options: readonly T[];
  optionLabel: (option: T) => string;
  onChange: (value: T) => void;
}) {
  return (
    <FormField id={id} name={name} label={label} error={error}>
      {(props) => (
        <select {...props} value={value} onChange={(e) => onChange(e.target.value as T)}>
          {options.map((option) => (
            <option key={option} value={option}>
              {optionLabel(option)}
            </option>
          ))}
        </select>
      )}
    </FormField>
  );
}
