import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validatePackage } from '../schema/references.js';
import type { Agreement } from '../schema/entities.js';
import { consultationWindow, DEFAULT_CONSULTATION_HOURS, routeEvent } from './routing.js';

const shipped = validatePackage(JSON.parse(readFileSync(new URL('../../../../data/compact.json', import.meta.url), 'utf8')));
if (!shipped.ok) throw new Error('shipped dataset must validate');
const data = shipped.package;

function agreement(id: string, parties: string[], consultation: Agreement['consultation'], signed = '2024-01-01', extra: Partial<Agreement> = {}): Agreement {
  return {
    id,
    title: id,
    parties: [...parties, 'UA'],
    beneficiary: 'UA',
    kind: 'bilateral',
    legalForm: 'political-commitment',
    status: [{ status: 'signed', on: signed }],
    countedByUkraine: true,
    consultation,
    classification: 'public',
    sources: [{ title: 'test' }],
    ...extra,
  };
}

describe('routing an event to the partners who owe a consultation', () => {
  it('an armed attack in 2025 reaches every partner with a triggered clause, due at event time + window', () => {
    const routing = routeEvent({ type: 'armed-attack', occurredAt: '2025-03-01T04:30:00.000Z', beneficiary: 'UA' }, data);
    const gb = routing.obliged.find((route) => route.partner === 'GB');
    expect(gb).toMatchObject({ dueAt: '2025-03-02T04:30:00.000Z', windowHours: 24, basis: 'stated' });
    // GB is also bound by the G7 declaration ("immediately") and the Ukraine Compact ("swiftly").
    expect(gb?.obligations.map((obligation) => obligation.agreementId)).toEqual(['gb-ua-2024', 'g7-joint-declaration-2023', 'ukraine-compact-2024']);
    const us = routing.obliged.find((route) => route.partner === 'US');
    expect(us).toMatchObject({ basis: 'best-effort', windowHours: 24 });
    // Canada's bilateral agreement has no consultation clause in the data; the G7 declaration's "immediately" applies.
    expect(routing.obliged.find((route) => route.partner === 'CA')).toMatchObject({ basis: 'default-immediately', windowHours: DEFAULT_CONSULTATION_HOURS.immediately });
    // Spain's bilateral agreement has no clause in the data; it joined the G7 declaration and the Ukraine Compact.
    expect(routing.obliged.find((route) => route.partner === 'ES')?.obligations).toEqual([
      expect.objectContaining({ agreementId: 'g7-joint-declaration-2023', viaAdherence: true, basis: 'default-immediately' }),
      expect.objectContaining({ agreementId: 'ukraine-compact-2024', basis: 'default-swiftly', windowHours: DEFAULT_CONSULTATION_HOURS.swiftly }),
    ]);
    expect(routing.notObliged.find((entry) => entry.partner === 'HR')).toMatchObject({ reason: 'no-consultation-clause', agreementIds: ['hr-ua-2024'] });
    const everyone = new Set([...routing.obliged.map((route) => route.partner), ...routing.notObliged.map((entry) => entry.partner)]);
    expect(everyone).toEqual(new Set(data.partners.map((partner) => partner.code).filter((code) => code !== 'UA')));
  });

  it('on the seed article date only agreements already signed count', () => {
    const routing = routeEvent({ type: 'armed-attack', occurredAt: '2024-02-20T12:00:00Z', beneficiary: 'UA' }, data);
    expect(routing.obliged.find((route) => route.partner === 'NL')?.obligations.map((obligation) => obligation.agreementId)).toEqual(['g7-joint-declaration-2023']);
    // Denmark signed its bilateral agreement on 2024-02-23; on 2024-02-20 only its adherence to the G7 declaration binds it.
    expect(routing.obliged.find((route) => route.partner === 'DK')?.obligations).toEqual([expect.objectContaining({ agreementId: 'g7-joint-declaration-2023', viaAdherence: true })]);
    expect(routing.notObliged.find((entry) => entry.partner === 'HR')).toMatchObject({ reason: 'not-yet-signed', agreementIds: ['hr-ua-2024'] });
  });

  it('a threat of attack only triggers clauses that name threats', () => {
    const routing = routeEvent({ type: 'threat-of-attack', occurredAt: '2025-03-01T00:00:00Z', beneficiary: 'UA' }, data);
    expect(routing.obliged.map((route) => route.partner)).toEqual(['US']);
    expect(routing.notObliged.find((entry) => entry.partner === 'GB')).toMatchObject({ reason: 'trigger-not-met' });
  });

  it('a significant escalation triggers the clauses that name it', () => {
    const routing = routeEvent({ type: 'significant-escalation', occurredAt: '2025-03-01T00:00:00Z', beneficiary: 'UA' }, data);
    expect(routing.obliged.map((route) => route.partner)).toEqual(['RO']);
  });

  it('lists partners with no agreement as not obliged', () => {
    const routing = routeEvent({ type: 'armed-attack', occurredAt: '2025-01-01T00:00:00Z', beneficiary: 'UA' }, {
      partners: [{ code: 'GB' }, { code: 'XX' }, { code: 'UA' }],
      agreements: [agreement('gb', ['GB'], { trigger: 'armed-attack', withinHours: 24 })],
      clauses: [{ agreementId: 'gb', ref: 'II.6', topics: ['consultation'] }],
    });
    expect(routing.obliged).toEqual([
      expect.objectContaining({ partner: 'GB', obligations: [expect.objectContaining({ clauseRef: 'II.6', dueAt: '2025-01-02T00:00:00.000Z' })] }),
    ]);
    expect(routing.notObliged).toEqual([{ partner: 'XX', reason: 'no-agreement', agreementIds: [] }]);
  });

  it('the earliest due time wins and adherents of a declaration are obliged through it', () => {
    const routing = routeEvent({ type: 'armed-attack', occurredAt: '2025-01-01T00:00:00Z', beneficiary: 'UA' }, {
      partners: [{ code: 'AA' }, { code: 'BB' }],
      agreements: [
        agreement('slow', ['AA'], { trigger: 'armed-attack', withinHours: 72 }),
        agreement('fast', ['AA'], { trigger: 'armed-attack', withinHours: 6 }),
        agreement('declaration', ['AA'], { trigger: 'armed-attack', withinHours: null, wording: 'immediately' }, '2023-07-12', { kind: 'declaration', adherents: ['BB'] }),
      ],
    });
    expect(routing.obliged.find((route) => route.partner === 'AA')).toMatchObject({ windowHours: 6, dueAt: '2025-01-01T06:00:00.000Z' });
    expect(routing.obliged.find((route) => route.partner === 'BB')?.obligations).toEqual([expect.objectContaining({ agreementId: 'declaration', viaAdherence: true })]);
  });

  it('turns words into configured hours and marks the basis', () => {
    const defaults = { immediately: 6, swiftly: 36, unstated: 96 };
    expect(consultationWindow({ trigger: 'armed-attack', withinHours: null, wording: 'immediately' }, defaults)).toEqual({ hours: 6, basis: 'default-immediately' });
    expect(consultationWindow({ trigger: 'armed-attack', withinHours: null, wording: 'swiftly' }, defaults)).toEqual({ hours: 36, basis: 'default-swiftly' });
    expect(consultationWindow({ trigger: 'armed-attack', withinHours: null }, defaults)).toEqual({ hours: 96, basis: 'default-unstated' });
    expect(consultationWindow({ trigger: 'armed-attack', withinHours: 24, bestEffort: true }, defaults)).toEqual({ hours: 24, basis: 'best-effort' });
  });
});
