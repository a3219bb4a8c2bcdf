import { CapabilityArea, CommitmentCategory } from '@compact/core';
import type { EntityKind } from '../../api/client.js';

// What each editable kind's form shows. The API validates with the core's zod schemas and names a
// bad field by its JSON path; these paths are the same, so its messages land at the right field.

export const ENTITY_KINDS: readonly EntityKind[] = [
  'partners',
  'agreements',
  'clauses',
  'commitments',
  'coalitions',
  'requirements',
  'flows',
];

export function isEntityKind(value: string | undefined): value is EntityKind {
  return (ENTITY_KINDS as readonly string[]).includes(value ?? '');
}

export type FieldKind =
  | 'id'
  | 'text'
  | 'textarea'
  | 'date'
  | 'partner'
  | 'number'
  | 'boolean'
  | 'enum'
  | 'money'
  | 'quantity'
  | 'period'
  | 'codes'
  | 'strings'
  | 'json';

export interface FieldSpec {
  path: string;
  kind: FieldKind;
  required?: boolean;
  /** The choices of an enum, and the translation prefix that names them. */
  options?: readonly string[];
  optionLabels?: string;
  /** What an emptied optional field becomes: left out (the default) or null. */
  empty?: 'omit' | 'null';
  /** Only when creating: a record's key cannot change once it exists. */
  createOnly?: boolean;
}

/** The parts of a composite field, in the order the form shows them. */
export const SUBFIELDS: Partial<Record<FieldKind, readonly string[]>> = {
  money: ['amount', 'currency', 'qualifier', 'perYear'],
  quantity: ['value', 'unit', 'item', 'qualifier'],
  period: ['from', 'to'],
};

// The same lists the API validates against, so a form never offers what the server refuses.
const CAPABILITIES = CapabilityArea.options;
const CATEGORIES = CommitmentCategory.options;
export const QUALIFIERS = ['at-least', 'up-to', 'approximate'] as const;
const CLASSIFICATIONS = ['public', 'restricted', 'confidential'] as const;
const CONFIDENCES = ['V', 'V*', 'M', 'computed'] as const;

const common: FieldSpec[] = [
  { path: 'classification', kind: 'enum', options: CLASSIFICATIONS, optionLabels: 'edit.option.classification', required: true },
  { path: 'confidence', kind: 'enum', options: CONFIDENCES, optionLabels: 'edit.option.confidence' },
  { path: 'sources', kind: 'json' },
];

export const FIELDS: Record<EntityKind, FieldSpec[]> = {
  partners: [
    { path: 'code', kind: 'partner', required: true, createOnly: true },
    { path: 'name', kind: 'text', required: true },
    { path: 'nameUk', kind: 'text' },
    { path: 'nato', kind: 'boolean' },
    { path: 'eu', kind: 'boolean' },
    { path: 'g7', kind: 'boolean' },
    { path: 'natoSince', kind: 'date' },
    { path: 'gdp', kind: 'json' },
    ...common,
  ],
  agreements: [
    { path: 'id', kind: 'id', required: true, createOnly: true },
    { path: 'title', kind: 'text', required: true },
    { path: 'titleUk', kind: 'text' },
    { path: 'parties', kind: 'codes', required: true },
    { path: 'beneficiary', kind: 'partner', required: true },
    { path: 'kind', kind: 'enum', options: ['bilateral', 'multilateral', 'declaration'], optionLabels: 'kind', required: true },
    {
      path: 'legalForm',
      kind: 'enum',
      options: ['treaty', 'executive-agreement', 'political-commitment', 'declaration'],
      optionLabels: 'legalForm',
      required: true,
    },
    { path: 'legallyBinding', kind: 'boolean' },
    { path: 'status', kind: 'json', required: true },
    { path: 'place', kind: 'text' },
    { path: 'durationYears', kind: 'number', empty: 'null' },
    { path: 'endsOn', kind: 'date', empty: 'null' },
    { path: 'onNatoAccession', kind: 'enum', options: ['ends', 'continues', 'review'], optionLabels: 'onNatoAccession', empty: 'null' },
    { path: 'consultation', kind: 'json' },
    { path: 'countedByUkraine', kind: 'boolean' },
    { path: 'notes', kind: 'textarea' },
    ...common,
  ],
  clauses: [
    { path: 'agreementId', kind: 'id', required: true, createOnly: true },
    { path: 'ref', kind: 'text', required: true, createOnly: true },
    { path: 'heading', kind: 'text' },
    { path: 'text', kind: 'textarea', required: true },
    { path: 'topics', kind: 'strings' },
    ...common,
  ],
  commitments: [
    { path: 'id', kind: 'id', required: true, createOnly: true },
    { path: 'agreementId', kind: 'id', empty: 'null' },
    { path: 'clauseRef', kind: 'text', empty: 'null' },
    { path: 'provider', kind: 'partner', required: true },
    { path: 'beneficiary', kind: 'partner', required: true },
    { path: 'category', kind: 'enum', options: CATEGORIES, optionLabels: 'category', required: true },
    { path: 'capabilityArea', kind: 'enum', options: CAPABILITIES, optionLabels: 'capability', empty: 'null' },
    { path: 'mode', kind: 'enum', options: ['denial', 'punishment'], optionLabels: 'edit.option.mode', empty: 'null' },
    { path: 'money', kind: 'money', empty: 'null' },
    { path: 'quantity', kind: 'quantity', empty: 'null' },
    { path: 'period', kind: 'period', empty: 'null' },
    { path: 'firmness', kind: 'enum', options: ['binding', 'pledged', 'intended', 'conditional'], optionLabels: 'firmness', required: true },
    { path: 'conditions', kind: 'json' },
    { path: 'coalitionId', kind: 'id', empty: 'null' },
    { path: 'countsAs', kind: 'id', empty: 'null' },
    { path: 'description', kind: 'textarea' },
    ...common,
  ],
  coalitions: [
    { path: 'id', kind: 'id', required: true, createOnly: true },
    { path: 'name', kind: 'text', required: true },
    { path: 'nameUk', kind: 'text' },
    { path: 'capabilityAreas', kind: 'strings', required: true },
    { path: 'leads', kind: 'codes', required: true },
    { path: 'members', kind: 'codes' },
    { path: 'founded', kind: 'text' },
    { path: 'milestones', kind: 'json' },
    { path: 'requirement', kind: 'json' },
    ...common,
  ],
  requirements: [
    { path: 'id', kind: 'id', required: true, createOnly: true },
    { path: 'beneficiary', kind: 'partner', required: true },
    { path: 'capabilityArea', kind: 'enum', options: CAPABILITIES, optionLabels: 'capability', required: true },
    { path: 'period', kind: 'period', required: true },
    { path: 'money', kind: 'money', empty: 'null' },
    { path: 'quantity', kind: 'quantity', empty: 'null' },
    { path: 'priority', kind: 'enum', options: ['critical', 'high', 'medium', 'low'], optionLabels: 'edit.option.priority', required: true },
    { path: 'basis', kind: 'enum', options: ['illustrative', 'sourced'], optionLabels: 'edit.option.basis', required: true },
    { path: 'description', kind: 'textarea' },
    ...common,
  ],
  flows: [
    { path: 'id', kind: 'id', required: true, createOnly: true },
    { path: 'commitmentId', kind: 'id', empty: 'null' },
    { path: 'provider', kind: 'partner' },
    { path: 'beneficiary', kind: 'partner' },
    { path: 'capabilityArea', kind: 'enum', options: CAPABILITIES, optionLabels: 'capability', empty: 'null' },
    { path: 'stage', kind: 'enum', options: ['pledge', 'allocated', 'delivered'], optionLabels: 'edit.option.stage', required: true },
    { path: 'on', kind: 'date', required: true },
    { path: 'dueOn', kind: 'date' },
    { path: 'money', kind: 'money', empty: 'null' },
    { path: 'quantity', kind: 'quantity', empty: 'null' },
    { path: 'newMoney', kind: 'boolean' },
    { path: 'description', kind: 'textarea' },
    ...common,
  ],
};

/** Fields a GET adds that are not part of the record (an agreement's status on the day asked). */
export const COMPUTED_FIELDS: Partial<Record<EntityKind, readonly string[]>> = {
  agreements: ['statusAsOf', 'signedOn', 'partner'],
};

/** The key a record is addressed by, as the store computes it. */
export function recordKey(kind: EntityKind, record: Record<string, unknown>): string {
  const text = (key: string) => {
    const value = record[key];
    return typeof value === 'string' ? value : '';
  };
  if (kind === 'partners') return text('code');
  if (kind === 'clauses') return text('id') || `${text('agreementId')}:${text('ref')}`;
  return text('id');
}

/** A few words naming a record in lists: its name or title, else its description's start. */
export function recordSummary(kind: EntityKind, record: Record<string, unknown>): string {
  const text = (key: string) => {
    const value = record[key];
    return typeof value === 'string' ? value : '';
  };
  const summary =
    kind === 'clauses'
      ? `${text('ref')} ${text('heading') || text('text')}`
      : text('name') || text('title') || text('description') || text('capabilityArea');
  return summary.length > 90 ? `${summary.slice(0, 89)}…` : summary;
}

/** "money.amount" → the translation key of its label: "edit.field.money_amount". */
export const labelKey = (path: string) => `edit.field.${path.replace(/\./g, '_')}`;
