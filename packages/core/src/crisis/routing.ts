import type { Agreement, Clause, Consultation as ConsultationTerms, Partner } from '../schema/entities.js';
import type { ConsultationTrigger } from '../schema/vocabulary.js';
import { isActiveAsOf } from '../registry/valid-time.js';
import type { NotObliged, Obligation } from './records.js';
import type { CrisisEventType, WindowBasis } from './vocabulary.js';

/**
 * Hours used when an agreement promises to consult without stating hours. Configurable
 * (see the crisis README); the defaults are assumptions of this project, not facts about any
 * agreement: "immediately" is taken to be no slower than the 24 hours most agreements state.
 */
export interface ConsultationDefaults {
  immediately: number;
  swiftly: number;
  unstated: number;
}
export const DEFAULT_CONSULTATION_HOURS: ConsultationDefaults = { immediately: 24, swiftly: 48, unstated: 48 };

/** Which consultation triggers an event of each type sets off. */
const TRIGGERED_BY: Readonly<Record<CrisisEventType, readonly ConsultationTrigger[]>> = {
  'armed-attack': ['armed-attack', 'armed-attack-or-threat', 'armed-attack-or-significant-escalation'],
  'threat-of-attack': ['armed-attack-or-threat'],
  'significant-escalation': ['armed-attack-or-significant-escalation'],
};

export function triggers(eventType: CrisisEventType, trigger: ConsultationTrigger): boolean {
  return TRIGGERED_BY[eventType].includes(trigger);
}

export interface RoutingEvent {
  type: CrisisEventType;
  occurredAt: string;
  beneficiary: string;
}

export interface RoutingInput {
  partners: readonly Pick<Partner, 'code'>[];
  agreements: readonly Agreement[];
  clauses?: readonly Pick<Clause, 'agreementId' | 'ref' | 'topics'>[];
}

export interface PartnerRoute {
  partner: string;
  dueAt: string;
  windowHours: number;
  basis: WindowBasis;
  obligations: Obligation[];
}

export interface Routing {
  obliged: PartnerRoute[];
  notObliged: NotObliged[];
}

const HOUR_MS = 3_600_000;
const BASIS_RANK: Readonly<Record<WindowBasis, number>> = { stated: 0, 'best-effort': 1, 'default-immediately': 2, 'default-swiftly': 3, 'default-unstated': 4 };

export function consultationWindow(terms: ConsultationTerms, defaults: ConsultationDefaults): { hours: number; basis: WindowBasis } {
  if (terms.withinHours !== null) return { hours: terms.withinHours, basis: terms.bestEffort === true ? 'best-effort' : 'stated' };
  const wording = (terms.wording ?? '').toLowerCase();
  if (/immediate/.test(wording)) return { hours: defaults.immediately, basis: 'default-immediately' };
  if (/swift|prompt|rapid/.test(wording)) return { hours: defaults.swiftly, basis: 'default-swiftly' };
  return { hours: defaults.unstated, basis: 'default-unstated' };
}

function addHours(instant: string, hours: number): string {
  return new Date(new Date(instant).getTime() + hours * HOUR_MS).toISOString();
}

/**
 * Routes an event to the partners whose agreements promise to consult on it. Pure: the event's
 * time decides which agreements are signed; each partner gets one consultation, due at the
 * earliest of its obligations; every other partner is listed with the reason it owes nothing.
 */
export function routeEvent(event: RoutingEvent, input: RoutingInput, defaults: ConsultationDefaults = DEFAULT_CONSULTATION_HOURS): Routing {
  const day = event.occurredAt.slice(0, 10);
  const consultationClauses = new Map<string, string>();
  for (const clause of input.clauses ?? []) {
    if (clause.topics?.includes('consultation') && !consultationClauses.has(clause.agreementId)) consultationClauses.set(clause.agreementId, clause.ref);
  }

  const obligations = new Map<string, Obligation[]>();
  const looked = new Map<string, { agreementIds: string[]; signed: boolean; clause: boolean }>();
  for (const agreement of input.agreements) {
    if (agreement.beneficiary !== event.beneficiary) continue;
    const members = [
      ...agreement.parties.filter((party) => party !== agreement.beneficiary).map((partner) => ({ partner, viaAdherence: false })),
      ...(agreement.adherents ?? []).filter((partner) => partner !== agreement.beneficiary && !agreement.parties.includes(partner)).map((partner) => ({ partner, viaAdherence: true })),
    ];
    const signed = isActiveAsOf(agreement, day);
    const terms = agreement.consultation ?? null;
    for (const { partner, viaAdherence } of members) {
      const seen = looked.get(partner) ?? { agreementIds: [], signed: false, clause: false };
      seen.agreementIds.push(agreement.id);
      seen.signed ||= signed;
      seen.clause ||= signed && terms !== null;
      looked.set(partner, seen);
      if (!signed || terms === null || !triggers(event.type, terms.trigger)) continue;
      const { hours, basis } = consultationWindow(terms, defaults);
      const obligation: Obligation = {
        agreementId: agreement.id,
        clauseRef: consultationClauses.get(agreement.id) ?? null,
        trigger: terms.trigger,
        windowHours: hours,
        basis,
        dueAt: addHours(event.occurredAt, hours),
        ...(terms.wording ? { wording: terms.wording } : {}),
        ...(terms.level ? { level: terms.level } : {}),
        ...(viaAdherence ? { viaAdherence: true } : {}),
      };
      obligations.set(partner, [...(obligations.get(partner) ?? []), obligation]);
    }
  }

  const obliged: PartnerRoute[] = [...obligations.entries()].map(([partner, list]) => {
    const sorted = [...list].sort((a, b) => a.dueAt.localeCompare(b.dueAt) || BASIS_RANK[a.basis] - BASIS_RANK[b.basis] || a.agreementId.localeCompare(b.agreementId));
    const first = sorted[0] as Obligation;
    return { partner, dueAt: first.dueAt, windowHours: first.windowHours, basis: first.basis, obligations: sorted };
  });
  obliged.sort((a, b) => a.dueAt.localeCompare(b.dueAt) || a.partner.localeCompare(b.partner));

  const notObliged: NotObliged[] = [];
  for (const { code } of input.partners) {
    if (code === event.beneficiary || obligations.has(code)) continue;
    const seen = looked.get(code);
    const reason = !seen ? 'no-agreement' : !seen.signed ? 'not-yet-signed' : !seen.clause ? 'no-consultation-clause' : 'trigger-not-met';
    notObliged.push({ partner: code, reason, agreementIds: seen?.agreementIds ?? [] });
  }
  notObliged.sort((a, b) => a.partner.localeCompare(b.partner));
  return { obliged, notObliged };
}

