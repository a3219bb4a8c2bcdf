import { describe, expect, it } from 'vitest';
import type { CommitmentDraft, Proposal } from '../../api/types.js';
import {
  draftFromForm,
  fieldOfErrorPath,
  formFromDraft,
  groupByAgreement,
  messageWithoutPath,
  readTerms,
} from './review.js';

const draft: CommitmentDraft = {
  id: 'gb-ua-2024:I.2:1',
  agreementId: 'gb-ua-2024',
  clauseRef: 'I.2',
  provider: 'GB',
  beneficiary: 'UA',
  category: 'equipment',
  money: { amount: '100000000', currency: 'EUR' },
  period: { from: '2026-01-01', to: '2026-12-31' },
  firmness: 'pledged',
  conditions: [],
};

function proposal(id: string, agreementId: string): Proposal {
  return {
    id,
    agreementId,
    documentId: 'doc',
    kind: 'commitment',
    clauseRef: 'I.2',
    status: 'pending',
    draft,
    evidence: [],
    version: 1,
  };
}

describe('groupByAgreement', () => {
  it('groups in first-seen order and keeps each group’s order', () => {
    const groups = groupByAgreement([proposal('p1', 'gb'), proposal('p2', 'fr'), proposal('p3', 'gb')]);
    expect(groups.map((g) => [g.agreementId, g.proposals.map((p) => p.id)])).toEqual([
      ['gb', ['p1', 'p3']],
      ['fr', ['p2']],
    ]);
    expect(groupByAgreement([])).toEqual([]);
  });
});

describe('the edit form', () => {
  it('round-trips a draft unchanged', () => {
    const form = formFromDraft(draft);
    expect(form).toEqual({
      amount: '100000000',
      currency: 'EUR',
      qualifier: '',
      from: '2026-01-01',
      to: '2026-12-31',
      category: 'equipment',
      capabilityArea: '',
      firmness: 'pledged',
    });
    expect(draftFromForm(draft, form)).toEqual({ ...draft, capabilityArea: null });
  });

  it('applies edits and keeps the rest of the draft', () => {
    const edited = draftFromForm(draft, {
      ...formFromDraft(draft),
      amount: ' 120 000 000 ',
      currency: 'gbp',
      qualifier: 'at-least',
      from: '2025-01-01',
      category: 'training',
      capabilityArea: 'air-defence',
      firmness: 'conditional',
    });
    expect(edited.money).toEqual({ amount: '120000000', currency: 'GBP', qualifier: 'at-least' });
    expect(edited.period).toEqual({ from: '2025-01-01', to: '2026-12-31' });
    expect(edited).toMatchObject({
      category: 'training',
      capabilityArea: 'air-defence',
      firmness: 'conditional',
      clauseRef: 'I.2',
    });
    expect(draft.money).toEqual({ amount: '100000000', currency: 'EUR' });
  });

  it('clears money and period when blanked, and adds none to a draft without them', () => {
    const blank = { ...formFromDraft(draft), amount: '', from: '', to: '' };
    const cleared = draftFromForm(draft, blank);
    expect(cleared.money).toBeNull();
    expect(cleared.period).toBeNull();
    const quantity: CommitmentDraft = {
      ...draft,
      money: undefined,
      period: undefined,
      quantity: { value: 30, item: 'F-16' },
    };
    const kept = draftFromForm(quantity, formFromDraft(quantity));
    expect(kept.money).toBeUndefined();
    expect(kept.period).toBeUndefined();
    expect(kept.quantity).toEqual({ value: 30, item: 'F-16' });
  });
});

describe('fieldOfErrorPath', () => {
  it('maps API error paths to the form’s fields', () => {
    expect(fieldOfErrorPath('draft.money.amount')).toBe('amount');
    expect(fieldOfErrorPath('$.draft.money.amount')).toBe('amount');
    expect(fieldOfErrorPath('/draft/money/currency')).toBe('currency');
    expect(fieldOfErrorPath('draft[period][to]')).toBe('to');
    expect(fieldOfErrorPath('period')).toBe('to');
    expect(fieldOfErrorPath('draft.capabilityArea')).toBe('capabilityArea');
    expect(fieldOfErrorPath('body.draft.firmness')).toBe('firmness');
    expect(fieldOfErrorPath('draft.money.amount.0')).toBe('amount');
  });

  it('gives null for paths outside the form', () => {
    expect(fieldOfErrorPath('version')).toBeNull();
    expect(fieldOfErrorPath('draft.provider')).toBeNull();
    expect(fieldOfErrorPath(undefined)).toBeNull();
    expect(fieldOfErrorPath('')).toBeNull();
  });
});

describe('readTerms', () => {
  it('reads the server’s shape: values with their clauses in clauseRefs', () => {
    expect(
      readTerms({
        consultation: { trigger: 'armed-attack', withinHours: 24, wording: 'within 24 hours' },
        durationYears: 10,
        clauseRefs: { consultation: 'I.1', durationYears: 'Art. 9(1)' },
      }),
    ).toEqual({
      consultation: {
        value: { trigger: 'armed-attack', withinHours: 24, wording: 'within 24 hours' },
        clauseRef: 'I.1',
      },
      durationYears: { value: 10, clauseRef: 'Art. 9(1)' },
    });
  });

  it('reads the core’s shape and skips values of the wrong type', () => {
    expect(
      readTerms({
        onNatoAccession: { value: 'ends', clauseRef: 'III.21' },
        termination: { value: { noticeMonths: 6, byEitherParty: true }, clauseRef: 'III.22' },
        durationYears: 'ten' as unknown as number,
      }),
    ).toEqual({
      onNatoAccession: { value: 'ends', clauseRef: 'III.21' },
      termination: { value: { noticeMonths: 6, byEitherParty: true }, clauseRef: 'III.22' },
    });
  });
});

describe('messageWithoutPath', () => {
  it('drops the leading path the API repeats', () => {
    expect(messageWithoutPath('$.draft.money.amount: must be a decimal string', '$.draft.money.amount')).toBe(
      'must be a decimal string',
    );
    expect(messageWithoutPath('period ends before it starts', '$.draft.period.to')).toBe(
      'period ends before it starts',
    );
  });
});
