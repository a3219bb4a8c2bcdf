import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { CrisisEventInput } from '@compact/core';
import { localInputToUtcIso, toLocalInput } from './datetime.js';
import { fieldErrors } from './errors.js';
import { ClassificationField } from './ClassificationField.js';
import { FormError, FormField } from './FormField.js';
import { SelectField } from './SelectField.js';
import { useDeclareEvent } from './queries.js';
import { EVENT_TYPES } from './vocabulary.js';

type EventType = CrisisEventInput['type'];
type Classification = NonNullable<CrisisEventInput['classification']>;

/** Declares an event; the time is typed in the reader's zone and sent in UTC. Opens the event once declared. */
export function DeclareEventForm() {
  const { t } = useTranslation();
  const prefix = useId();
  const navigate = useNavigate();
  const declare = useDeclareEvent();
  const [type, setType] = useState<EventType>('armed-attack');
  const [occurredAt, setOccurredAt] = useState(() => toLocalInput(new Date()));
  const [title, setTitle] = useState('');
  const [classification, setClassification] = useState<Classification>('restricted');
  const errors = fieldErrors(declare.error);
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    declare.mutate(
      { type, occurredAt: localInputToUtcIso(occurredAt) ?? occurredAt, title, classification },
      { onSuccess: (detail) => void navigate(`/crisis/events/${encodeURIComponent(detail.event.id)}`) },
    );
  };

  return (
    <form className="crisis-form" onSubmit={submit} aria-labelledby={`${prefix}-heading`} noValidate>
      <h2 id={`${prefix}-heading`}>{t('crisis.declare.heading')}</h2>
      <div className="crisis-form__grid">
        <SelectField
          id={`${prefix}-type`}
          name="type"
          label={t('crisis.declare.type')}
          error={errors.type}
          value={type}
          options={EVENT_TYPES}
          optionLabel={(value) => t(`crisis.eventType.${value}`)}
          onChange={setType}
        />
        <FormField
          id={`${prefix}-occurredAt`}
          name="occurredAt"
          label={t('crisis.declare.occurredAt')}
          hint={t('crisis.declare.occurredAtHint', { zone })}
          error={errors.occurredAt}
        >
          {(props) => (
            <input
              {...props}
              type="datetime-local"
              value={occurredAt}
              onChange={(e) => setOccurredAt(e.target.value)}
            />
          )}
        </FormField>
        <FormField
          id={`${prefix}-title`}
          name="title"
          label={t('crisis.declare.title')}
          error={errors.title}
          className="field--grow"
        >
          {(props) => <input {...props} value={title} onChange={(e) => setTitle(e.target.value)} />}
        </FormField>
        <ClassificationField
          id={`${prefix}-classification`}
          value={classification}
          error={errors.classification}
          onChange={setClassification}
        />
      </div>
      <FormError error={declare.error} />
      <div className="actions">
        <button type="submit" disabled={declare.isPending}>
          {declare.isPending ? t('crisis.declare.working') : t('crisis.declare.submit')}
        </button>
      </div>
    </form>
  );
}
