import type { ReactNode } from 'react';

export interface ControlProps {
  id: string;
  name: string;
  'aria-invalid'?: true;
  'aria-describedby'?: string;
}

/** A label, its control, an optional hint and the API's message for the field (announced when it appears). */
export function FormField({
  id,
  name,
  label,
  hint,
  error,
  className,
  children,
}: {
  id: string;
  name: string;
  label: string;
  hint?: string;
  error?: string | undefined;
  className?: string;
  children: (props: ControlProps) => ReactNode;
}) {
  const described = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ');
  return (
    <div className={className ? `field ${className}` : 'field'}>
      <label htmlFor={id}>{label}</label>
      {children({
        id,
        name,
        ...(error ? { 'aria-invalid': true as const } : {}),
        ...(described ? { 'aria-describedby': described } : {}),
      })}
      {hint ? (
        <span id={`${id}-hint`} className="hint">
          {hint}
        </span>
      ) : null}
      {error ? (
        <span id={`${id}-error`} className="field-error" role="alert">
          {error}
        </span>
      ) : null}
    </div>
  );
}

/** The form's own message when the API refused it (the fields carry the details). */
export function FormError({ error }: { error: unknown }) {
  if (!error) return null;
  return (
    <p className="error form-error" role="alert">
      {error instanceof Error ? error.message : typeof error === 'string' ? error : ''}
    </p>
  );
}
