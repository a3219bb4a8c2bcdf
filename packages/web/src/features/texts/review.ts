import type { Consultation } from '@compact/core';
import type { CommitmentDraft, Proposal, TerminationTerm, TermsDraft } from '../../api/types.js';

export interface ProposalGroup {
  agreementId: string;
  proposals: Proposal[];
}

/** Proposals by agreement, agreements in first-seen order, each agreement's proposals by clause. */
export function groupByAgreement(proposals: readonly Proposal[]): ProposalGroup[] {
  const groups = new Map<string, Proposal[]>();
  for (const proposal of proposals) {
    const list = groups.get(proposal.agreementId);
    if (list) list.push(proposal);
    else groups.set(proposal.agreementId, [proposal]);
  }
  return [...groups].map(([agreementId, list]) => ({ agreementId, proposals: list }));
}

/** The fields of the "Edit & accept" form, as the inputs hold them (strings, '' for none). */
export interface DraftForm {
  amount: string;
  currency: string;
  qualifier: string;
  from: string;
  to: string;
  category: string;
  capabilityArea: string;
  firmness: string;
}

export type DraftField = keyof DraftForm;

export function formFromDraft(draft: CommitmentDraft): DraftForm {
  return {
    amount: draft.money?.amount ?? '',
    currency: draft.money?.currency ?? '',
    qualifier: draft.money?.qualifier ?? '',
    from: draft.period?.from ?? '',
    to: draft.period?.to ?? '',
    category: draft.category ?? '',
    capabilityArea: draft.capabilityArea ?? '',
    firmness: draft.firmness ?? '',
  };
}

/**
 * The edited draft to send: the proposal's draft with the form's values over it. A blank amount
 * removes the money (unless the draft had none), blank dates remove the period, a blank
 * capability area clears it. Values are sent as typed; the API validates them and names the
 * field that is wrong.
 */
export function draftFromForm(draft: CommitmentDraft, form: DraftForm): CommitmentDraft {
  const next: CommitmentDraft = { ...draft };
  const amount = form.amount.trim().replace(/\s+/g, '');
  if (amount) {
    next.money = {
      ...(draft.money ?? {}),
      amount,
      currency: form.currency.trim().toUpperCase(),
    };
    if (form.qualifier) next.money.qualifier = form.qualifier as NonNullable<typeof next.money.qualifier>;
    else delete next.money.qualifier;
  } else if (draft.money) {
    next.money = null;
  }
  if (form.from || form.to) next.period = { from: form.from, to: form.to };
  else if (draft.period) next.period = null;
  if (form.category) next.category = form.category as NonNullable<CommitmentDraft['category']>;
  next.capabilityArea = form.capabilityArea
    ? (form.capabilityArea as NonNullable<CommitmentDraft['capabilityArea']>)
    : null;
  if (form.firmness) next.firmness = form.firmness as NonNullable<CommitmentDraft['firmness']>;
  return next;
}

const FIELD_OF_PATH: Record<string, DraftField> = {
  'money.amount': 'amount',
  money: 'amount',
  amount: 'amount',
  'money.currency': 'currency',
  currency: 'currency',
  'money.qualifier': 'qualifier',
  qualifier: 'qualifier',
  'period.from': 'from',
  'period.to': 'to',
  period: 'to',
  category: 'category',
  capabilityArea: 'capabilityArea',
  firmness: 'firmness',
};

/**
 * The form field an API error path points at ("draft.money.amount", "/draft/period/to",
 * "draft[money][currency]", "$.draft.money.amount"), or null when it names none of the form's fields.
 */
export function fieldOfErrorPath(path: string | undefined | null): DraftField | null {
  if (!path) return null;
  const parts = path.split(/[./[\]]+/).filter(Boolean);
  if (parts[0] === '$') parts.shift();
  if (parts[0] === 'body') parts.shift();
  if (parts[0] === 'draft') parts.shift();
  return FIELD_OF_PATH[parts.join('.')] ?? FIELD_OF_PATH[parts.slice(0, 2).join('.')] ?? null;
}

export interface ReadTerms {
  durationYears?: { value: number; clauseRef?: string };
  consultation?: { value: Consultation; clauseRef?: string };
  onNatoAccession?: { value: string; clauseRef?: string };
  termination?: { value: TerminationTerm; clauseRef?: string };
}

function isWrapped(value: unknown): value is { value: unknown; clauseRef?: string } {
  return typeof value === 'object' && value !== null && 'value' in value;
}

function unwrap<T>(draft: TermsDraft, key: keyof ReadTerms, accept: (value: unknown) => value is T) {
  const raw = draft[key];
  const value = isWrapped(raw) ? raw.value : raw;
  if (!accept(value)) return undefined;
  const clauseRef = (isWrapped(raw) ? raw.clauseRef : undefined) ?? draft.clauseRefs?.[key];
  return clauseRef ? { value, clauseRef } : { value };
}

const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);
const isString = (value: unknown): value is string => typeof value === 'string';
const isObject = <T>(value: unknown): value is T => typeof value === 'object' && value !== null;
const isTermination = (value: unknown): value is TerminationTerm =>
  isObject<TerminationTerm>(value) && isNumber(value.noticeMonths);

/** The terms of a "terms" proposal in one shape, whichever of the two the server sent. */
export function readTerms(draft: TermsDraft): ReadTerms {
  const out: ReadTerms = {};
  const duration = unwrap(draft, 'durationYears', isNumber);
  if (duration) out.durationYears = duration;
  const consultation = unwrap(draft, 'consultation', isObject<Consultation>);
  if (consultation) out.consultation = consultation;
  const nato = unwrap(draft, 'onNatoAccession', isString);
  if (nato) out.onNatoAccession = nato;
  const termination = unwrap(draft, 'termination', isTermination);
  if (termination) out.termination = termination;
  return out;
}

/** The API's message without the path it starts with ("$.draft.money.amount: must be …" → "must be …"). */
export function messageWithoutPath(message: string, path: string | undefined | null): string {
  if (path && message.startsWith(`${path}: `)) return message.slice(path.length + 2);
  return message;
}
