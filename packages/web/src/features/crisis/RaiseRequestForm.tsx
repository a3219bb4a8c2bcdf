import { useId, useReducer, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { CrisisRequestInput } from '@compact/core';
import { localIsoDate } from '../../format/date.js';
import { CAPABILITY_AREAS } from '../texts/vocabulary.js';
import { fieldErrors } from './errors.js';
import { ClassificationField } from './ClassificationField.js';
import { FormError, FormField } from './FormField.js';
import { SelectField } from './SelectField.js';
import { LinesEditor } from './LinesEditor.js';
import { PRIORITIES, initialLines, linesReducer, toLineInput, type Priority } from './lines.js';
import { useCreateRequest } from './queries.js';

type CapabilityArea = CrisisRequestInput['capabilityArea'];
type Classification = NonNullable<CrisisRequestInput['classification']>;

function inDays(days: number): string {
  return localIsoDate(new Date(Date.now() + days * 86_400_000));
}

/** Raises a request (a draft) against the event, with one or more lines; opens it once raised. */
export function RaiseRequestForm({ eventId }: { eventId: string }) {
  const { t } = useTranslation();
  const prefix = useId();
  const navigate = useNavigate();
  const create = useCreateRequest();
  const neededBy = inDays(14);
  const [title, setTitle] = useState('');
  const [capabilityArea, setCapabilityArea] = useState<CapabilityArea>('air-defence');
  const [priority, setPriority] = useState<Priority>('high');
  const [classification, setClassification] = useState<Classification>('restricted');
  const [state, dispatch] = useReducer(linesReducer, neededBy, initialLines);
  const errors = fieldErrors(create.error);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    create.mutate(
      { eventId, title, capabilityArea, priority, classification, lines: state.lines.map(toLineInput) },
      { onSuccess: (request) => void navigate(`/crisis/requests/${encodeURIComponent(request.id)}`) },
    );
  };

  return (
    <form className="crisis-form" onSubmit={submit} aria-labelledby={`${prefix}-heading`} noValidate>
      <h2 id={`${prefix}-heading`}>{t('crisis.raise.heading')}</h2>
      <div className="crisis-form__grid">
        <FormField
          id={`${prefix}-title`}
          name="title"
          label={t('crisis.raise.title')}
          error={errors.title}
          className="field--grow"
        >
          {(props) => <input {...props} value={title} onChange={(e) => setTitle(e.target.value)} />}
        </FormField>
        <SelectField
          id={`${prefix}-capabilityArea`}
          name="capabilityArea"
          label={t('crisis.field.capabilityArea')}
          error={errors.capabilityArea}
          value={capabilityArea}
          options={CAPABILITY_AREAS}
          optionLabel={(area) => t(`capability.${area}`)}
          onChange={setCapabilityArea}
        />
        <SelectField
          id={`${prefix}-priority`}
          name="priority"
          label={t('crisis.field.priority')}
          error={errors.priority}
          value={priority}
          options={PRIORITIES}
          optionLabel={(value) => t(`crisis.priority.${value}`)}
          onChange={setPriority}
        />
        <ClassificationField
          id={`${prefix}-classification`}
          value={classification}
          error={errors.classification}
          onChange={setClassification}
        />
      </div>
      <h3>{t('crisis.raise.lines')}</h3>
      {errors.lines ? (
        <p className="field-error" role="alert">
          {errors.lines}
        </p>
      ) : null}
      <LinesEditor
        prefix={prefix}
        lines={state.lines}
        dispatch={dispatch}
        errors={errors}
        defaultNeededBy={neededBy}
      />
      <FormError error={create.error} />
      <div className="actions">
        <button type="submit" disabled={create.isPending}>
          {create.isPending ? t('crisis.raise.working') : t('crisis.raise.submit')}
        </button>
      </div>
    </form>
  );
}
