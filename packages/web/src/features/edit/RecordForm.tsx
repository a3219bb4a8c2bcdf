import { useId, useMemo, useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError, entityApi, type EntityKind, type EntityRecord } from '../../api/client.js';
import { FormField } from '../crisis/FormField.js';
import { ConflictPanel } from './ConflictPanel.js';
import { COMPUTED_FIELDS, FIELDS, QUALIFIERS, SUBFIELDS, labelKey, recordKey, type FieldSpec } from './fields.js';
import { fromRaw, inputOfIssue, toRaw, type Raw } from './formModel.js';

type Errors = Record<string, string>;

function strip(kind: EntityKind, record: EntityRecord): EntityRecord {
  const out = { ...record };
  for (const field of COMPUTED_FIELDS[kind] ?? []) delete out[field];
  return out;
}

/** The API's refusal spread over the inputs; what no input shows stays in the form's message. */
function apiErrors(specs: readonly FieldSpec[], error: unknown): { byInput: Errors; rest: string[] } {
  const byInput: Errors = {};
  const rest: string[] = [];
  if (!(error instanceof ApiError)) return { byInput, rest };
  const issues = error.issues.length ? error.issues : error.path ? [{ path: error.path, message: error.message }] : [];
  for (const issue of issues) {
    const input = inputOfIssue(specs, issue.path);
    const message = issue.message.replace(`${issue.path}: `, '');
    if (input && byInput[input] === undefined) byInput[input] = message;
    else rest.push(`${issue.path}: ${message}`);
  }
  return { byInput, rest };
}

/**
 * Any registry record as a form: labels and hints from the translations, enums as selects, money
 * as amount and currency. Problems come from the API (the same schemas as everywhere) and land at
 * the field they name; a stale version is explained field by field.
 */
export function RecordForm({
  kind,
  record,
  onSaved,
}: {
  kind: EntityKind;
  record: EntityRecord | null;
  onSaved: (saved: EntityRecord) => void;
}) {
  const { t, i18n } = useTranslation();
  const formId = useId();
  const queryClient = useQueryClient();
  const creating = record === null;
  const specs = FIELDS[kind];
  const [base, setBase] = useState<EntityRecord>(() => strip(kind, record ?? {}));
  const [raw, setRaw] = useState<Raw>(() => toRaw(specs, strip(kind, record ?? {})));
  const [localErrors, setLocalErrors] = useState<Errors>({});
  const [conflict, setConflict] = useState<EntityRecord | null>(null);
  const [saved, setSaved] = useState<number | null>(null);

  const save = useMutation({
    mutationFn: (body: EntityRecord) =>
      creating ? entityApi.create(kind, body) : entityApi.update(kind, recordKey(kind, base), body),
    onSuccess: (result) => {
      const clean = strip(kind, result);
      setBase(clean);
      setRaw(toRaw(specs, clean));
      setConflict(null);
      setSaved(typeof result.version === 'number' ? result.version : null);
      // Every page reads these records (maps, analysis, lists): let them all fetch afresh.
      void queryClient.invalidateQueries();
      onSaved(result);
    },
    onError: (error) => {
      if (error instanceof ApiError && error.code === 'VERSION_CONFLICT' && typeof error.current === 'object' && error.current) {
        setConflict(strip(kind, error.current as EntityRecord));
      }
    },
  });

  const submit = (over?: EntityRecord) => {
    const start = over ?? base;
    const { body, errors } = fromRaw(specs, raw, start);
    setLocalErrors(errors);
    setSaved(null);
    if (Object.keys(errors).length > 0) return;
    if (!creating && typeof start.version === 'number') body['version'] = start.version;
    save.mutate(body);
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    submit();
  };

  const isConflict = conflict !== null;
  const { byInput, rest } = useMemo(
    () => (isConflict ? { byInput: {}, rest: [] } : apiErrors(specs, save.error)),
    [isConflict, specs, save.error],
  );
  const errorAt = (key: string) => {
    const local = localErrors[key];
    return local ? t(local as 'edit.invalidJson') : byInput[key];
  };
  const set = (key: string, value: string | boolean) => setRaw((previous) => ({ ...previous, [key]: value }));
  const label = (path: string) => t(labelKey(path) as 'edit.field.id');
  const hintOf = (path: string) => {
    const key = `edit.hint.${path.replace(/\./g, '_')}`;
    return i18n.exists(key) ? t(key as 'edit.hint.id') : undefined;
  };
  const optionLabel = (spec: FieldSpec, value: string) =>
    spec.optionLabels ? t(`${spec.optionLabels}.${value}` as 'kind.bilateral') : value;

  const control = (spec: FieldSpec) => {
    const id = `${formId}-${spec.path}`;
    const disabled = spec.createOnly === true && !creating;
    const value = raw[spec.path];
    const textValue = typeof value === 'string' ? value : '';
    return (
      <FormField
        key={spec.path}
        id={id}
        name={spec.path}
        label={`${label(spec.path)}${spec.required ? ' *' : ''}`}
        hint={hintOf(spec.path)}
        error={errorAt(spec.path)}
        className={spec.kind === 'json' || spec.kind === 'textarea' ? 'field--wide' : undefined}
      >
        {(props) => {
          switch (spec.kind) {
            case 'boolean':
              return <input {...props} type="checkbox" checked={value === true} onChange={(event) => set(spec.path, event.target.checked)} />;
            case 'enum':
              return (
                <select {...props} value={textValue} required={spec.required} onChange={(event) => set(spec.path, event.target.value)}>
                  {!spec.required || textValue === '' ? <option value="">{t('edit.noValue')}</option> : null}
                  {(spec.options ?? []).map((option) => (
                    <option key={option} value={option}>
                      {optionLabel(spec, option)}
                    </option>
                  ))}
                </select>
              );
            case 'textarea':
            case 'json':
              return (
                <textarea
                  {...props}
                  value={textValue}
                  rows={spec.kind === 'json' ? Math.min(12, Math.max(3, textValue.split('\n').length)) : 4}
                  spellCheck={spec.kind !== 'json'}
                  className={spec.kind === 'json' ? 'code-input' : undefined}
                  onChange={(event) => set(spec.path, event.target.value)}
                />
              );
            default:
              return (
                <input
                  {...props}
                  type={spec.kind === 'date' ? 'date' : 'text'}
                  inputMode={spec.kind === 'number' ? 'decimal' : undefined}
                  value={textValue}
                  disabled={disabled}
                  maxLength={spec.kind === 'partner' ? 2 : undefined}
                  autoCapitalize={spec.kind === 'partner' || spec.kind === 'codes' ? 'characters' : undefined}
                  onChange={(event) => set(spec.path, event.target.value)}
                />
              );
          }
        }}
      </FormField>
    );
  };

  const composite = (spec: FieldSpec) => {
    const parts = SUBFIELDS[spec.kind] ?? [];
    const groupError = errorAt(spec.path);
    return (
      <fieldset key={spec.path} className="field-group" data-field={spec.path} aria-invalid={groupError ? true : undefined}>
        <legend>
          {label(spec.path)}
          {spec.required ? ' *' : ''}
        </legend>
        {hintOf(spec.path) ? <p className="hint">{hintOf(spec.path)}</p> : null}
        {parts.map((part) => {
          const key = `${spec.path}.${part}`;
          const id = `${formId}-${key}`;
          const value = raw[key];
          const textValue = typeof value === 'string' ? value : '';
          const partLabel = t(`edit.part.${part}` as 'edit.part.amount');
          return (
            <FormField key={key} id={id} name={key} label={partLabel} error={errorAt(key)} hint={hintOf(key)}>
              {(props) =>
                part === 'perYear' ? (
                  <input {...props} type="checkbox" checked={value === true} onChange={(event) => set(key, event.target.checked)} />
                ) : part === 'qualifier' ? (
                  <select {...props} value={textValue} onChange={(event) => set(key, event.target.value)}>
                    <option value="">{t('edit.noValue')}</option>
                    {QUALIFIERS.map((option) => (
                      <option key={option} value={option}>
                        {t(`edit.option.qualifier.${option}`)}
                      </option>
                    ))}
                  </select>
                ) : (
                  <input
                    {...props}
                    type={spec.kind === 'period' ? 'date' : 'text'}
                    inputMode={part === 'amount' || part === 'value' ? 'decimal' : undefined}
                    maxLength={part === 'currency' ? 3 : undefined}
                    value={textValue}
                    onChange={(event) => set(key, part === 'currency' ? event.target.value.toUpperCase() : event.target.value)}
                  />
                )
              }
            </FormField>
          );
        })}
        {groupError ? (
          <p className="field-error" role="alert">
            {groupError}
          </p>
        ) : null}
      </fieldset>
    );
  };

  return (
    <form className="record-form" onSubmit={onSubmit} noValidate aria-describedby={`${formId}-required`}>
      <p id={`${formId}-required`} className="hint">
        {t('edit.requiredHint')}
      </p>
      {conflict ? (
        <ConflictPanel
          specs={specs}
          base={base}
          theirs={conflict}
          mine={raw}
          pending={save.isPending}
          onReload={() => {
            setBase(conflict);
            setRaw(toRaw(specs, conflict));
            setConflict(null);
            save.reset();
          }}
          onKeepMine={() => {
            setBase(conflict);
            setConflict(null);
            submit(conflict);
          }}
        />
      ) : null}
      <div className="record-form__fields">{specs.map((spec) => (SUBFIELDS[spec.kind] ? composite(spec) : control(spec)))}</div>
      {save.isError && !conflict ? (
        <div className="error form-error" role="alert">
          <p>{t('edit.refused', { message: save.error instanceof Error ? save.error.message : String(save.error) })}</p>
          {rest.length > 0 ? (
            <ul>
              {rest.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      {saved !== null ? (
        <p className="success" role="status">
          {t('edit.saved', { version: saved })}
        </p>
      ) : null}
      <div className="form-actions">
        <button type="submit" disabled={save.isPending}>
          {save.isPending ? t('edit.saving') : creating ? t('edit.create') : t('edit.save')}
        </button>
        {!creating && typeof base.version === 'number' ? (
          <span className="muted">{t('edit.version', { version: base.version })}</span>
        ) : null}
      </div>
    </form>
  );
}
