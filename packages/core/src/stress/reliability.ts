// The probability that a commitment is honoured in full (on time or late): a base rate from the
// alliance-reliability literature, shifted on the log-odds scale by documented factors. The base
// rates are sourced; every factor value below is a modelling assumption (see README.md).
import type { Agreement, Commitment, Flow } from '../schema/entities.js';
import { dayNumber } from '../analysis/dates.js';
import { RELIABILITY_PRIORS, type StressSettings } from './scenario.js';

/** Log-odds shifts: modelling assumptions, not estimates from data. */
export const FACTORS = {
  legallyBinding: 0.5,
  declaration: -0.25,
  firmness: { binding: 0.5, pledged: 0, intended: -0.5, conditional: -0.75 },
  parliamentaryApproval: -0.5,
  pendingLegislation: -0.75,
  /** Per year of the agreement's remaining term above (below) five years, capped at ten. */
  remainingYear: 0.05,
  /** Weight on the gap between a partner's recorded delivery rate and the base rate, in log-odds. */
  deliveryRecord: 0.5,
  deliveryRecordCap: 1,
} as const;

export type FactorCode =
  | 'legally-binding'
  | 'declaration'
  | 'firmness'
  | 'parliamentary-approval'
  | 'pending-legislation'
  | 'remaining-term'
  | 'delivery-record'
  | 'shock'
  | 'override';

export interface FactorApplied {
  readonly code: FactorCode;
  /** Shift on the log-odds scale (0 for an override, which replaces the probability). */
  readonly logit: number;
  readonly note: string;
}

export interface Reliability {
  readonly baseRate: number;
  readonly probability: number;
  readonly factors: readonly FactorApplied[];
}

export function logit(p: number): number {
  return Math.log(p / (1 - p));
}

export function logistic(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

/** Whether an agreement binds in law: its own flag, else a treaty. */
export function isLegallyBinding(agreement: Agreement | undefined): boolean {
  if (!agreement) return false;
  return agreement.legallyBinding ?? agreement.legalForm === 'treaty';
}

/** The agreement's last day: `endsOn`, else the first signature plus `durationYears`. */
function agreementEnd(agreement: Agreement): number | null {
  if (agreement.endsOn) return dayNumber(agreement.endsOn);
  const signed = agreement.status.find((entry) => entry.status === 'signed' || entry.status === 'in-force');
  if (signed && agreement.durationYears) return dayNumber(signed.on) + Math.round(agreement.durationYears * 365.25);
  return null;
}

/**
 * Each partner's delivery record: delivered ÷ committed over its commitments whose period ended
 * on or before the analysis day and that have at least one flow recorded, in the commitment's own
 * currency (no conversion needed). A commitment with no flow recorded is unknown, not undelivered.
 */
export function deliveryRecords(commitments: readonly Commitment[], flows: readonly Flow[], asOf: string): Map<string, { delivered: number; committed: number }> {
  const delivered = new Map<string, number>();
  const recorded = new Set<string>();
  for (const flow of flows) {
    if (!flow.commitmentId) continue;
    recorded.add(flow.commitmentId);
    if (flow.stage !== 'delivered' || !flow.money || flow.newMoney === false) continue;
    delivered.set(`${flow.commitmentId}\u0001${flow.money.currency}`, (delivered.get(`${flow.commitmentId}\u0001${flow.money.currency}`) ?? 0) + Number(flow.money.amount));
  }
  const out = new Map<string, { delivered: number; committed: number }>();
  for (const commitment of commitments) {
    if (!recorded.has(commitment.id) || !commitment.money || !commitment.period || commitment.period.to > asOf || commitment.money.perYear) continue;
    const committed = Number(commitment.money.amount);
    if (!(committed > 0)) continue;
    const record = out.get(commitment.provider) ?? { delivered: 0, committed: 0 };
    record.committed += committed;
    record.delivered += Math.min(committed, delivered.get(`${commitment.id}\u0001${commitment.money.currency}`) ?? 0);
    out.set(commitment.provider, record);
  }
  return out;
}

export interface ReliabilityContext {
  readonly settings: StressSettings;
  readonly agreement: Agreement | undefined;
  readonly record: { delivered: number; committed: number } | undefined;
  /** Log-odds shifts of switched-on shocks for this commitment, with their notes. */
  readonly shocks: readonly FactorApplied[];
}

export function reliabilityOf(commitment: Commitment, ctx: ReliabilityContext): Reliability {
  const baseRate = RELIABILITY_PRIORS[ctx.settings.prior];
  const factors: FactorApplied[] = [];
  const agreement = ctx.agreement;
  if (isLegallyBinding(agreement)) factors.push({ code: 'legally-binding', logit: FACTORS.legallyBinding, note: 'the agreement is legally binding' });
  else if (agreement?.legalForm === 'declaration') factors.push({ code: 'declaration', logit: FACTORS.declaration, note: 'a declaration, not an agreement' });
  const firmness = FACTORS.firmness[commitment.firmness];
  if (firmness !== 0) factors.push({ code: 'firmness', logit: firmness, note: `firmness "${commitment.firmness}"` });
  const types = new Set((commitment.conditions ?? []).map((condition) => condition.type));
  if (types.has('parliamentary-approval')) factors.push({ code: 'parliamentary-approval', logit: FACTORS.parliamentaryApproval, note: 'needs parliamentary approval' });
  if (types.has('pending-legislation')) factors.push({ code: 'pending-legislation', logit: FACTORS.pendingLegislation, note: 'depends on pending legislation' });
  const end = agreement ? agreementEnd(agreement) : null;
  if (end !== null) {
    const years = Math.min(10, Math.max(0, (end - dayNumber(ctx.settings.asOf)) / 365.25));
    const shift = FACTORS.remainingYear * (years - 5);
    if (shift !== 0) factors.push({ code: 'remaining-term', logit: shift, note: `${years.toFixed(1)} years of the agreement remain` });
  }
  if (ctx.record && ctx.record.committed > 0) {
    const rate = Math.min(0.98, Math.max(0.02, ctx.record.delivered / ctx.record.committed));
    const shift = Math.max(-FACTORS.deliveryRecordCap, Math.min(FACTORS.deliveryRecordCap, FACTORS.deliveryRecord * (logit(rate) - logit(baseRate))));
    factors.push({ code: 'delivery-record', logit: shift, note: `the partner delivered ${(100 * (ctx.record.delivered / ctx.record.committed)).toFixed(0)} % of its ended commitments with recorded flows` });
  }
  for (const shock of ctx.shocks) factors.push(shock);
  let probability = logistic(logit(baseRate) + factors.reduce((sum, factor) => sum + factor.logit, 0));
  const override =
    ctx.settings.overrides.find((o) => o.commitmentId === commitment.id) ?? ctx.settings.overrides.find((o) => o.partner === commitment.provider);
  if (override) {
    probability = override.probability;
    factors.push({ code: 'override', logit: 0, note: `analyst override: ${override.probability}` });
  }
  return { baseRate, probability, factors };
}

