// From a package (what the viewer may see) to the flat model the trial loop runs: the scenario's
// changes are applied to the input, the analysis engine turns it into money per commitment and
// cell (so conversion and spreading are the analysis's, to the cent), and each commitment gets its
// outcome probabilities and latent thresholds.
import { coverageContributions, type CoverageContribution } from '../analysis/engine.js';
import { formatMinor } from '../analysis/format.js';
import type { AnalysisInput } from '../analysis/types.js';
import { CompactError } from '../errors.js';
import { isActiveAsOf } from '../registry/valid-time.js';
import { Agreement, Commitment, type Requirement } from '../schema/entities.js';
import type { CompiledModel, CellInfo, CommitmentInfo, EntityInfo, PunishmentInputs } from './model.js';
import { keyOf, normalQuantile } from './random.js';
import { deliveryRecords, isLegallyBinding, reliabilityOf, type FactorApplied } from './reliability.js';
import type { AddPledge, StressScenario, StressSettings } from './scenario.js';

const PRIORITY_RANK = { critical: 0, high: 1, medium: 2, low: 3 } as const;

/** Adjustment for a coalition's other members when a lead withdraws (contagion): a modelling assumption. */
export const LEAD_WITHDRAWAL_CONTAGION = -0.5;

interface Prepared {
  readonly input: AnalysisInput;
  readonly removed: ReadonlySet<string>;
  readonly natoAccession: string | null;
}

function pledgeRecords(pledge: AddPledge, index: number, asOf: string, fallbackBeneficiary: string): { agreement: Agreement | null; commitment: Commitment } {
  const beneficiary = pledge.beneficiary ?? fallbackBeneficiary;
  const id = pledge.id ?? `scenario-pledge-${index + 1}`;
  const agreementId = pledge.agreementId ?? `scenario-agreement-${id}`;
  const agreement = pledge.agreementId
    ? null
    : Agreement.parse({
        id: agreementId,
        title: `Hypothetical agreement for ${id}`,
        parties: [pledge.partner, beneficiary],
        beneficiary,
        kind: 'bilateral',
        legalForm: pledge.legalForm,
        legallyBinding: pledge.legallyBinding,
        status: [{ status: 'signed', on: asOf }],
        classification: 'public',
      });
  const commitment = Commitment.parse({
    id,
    agreementId,
    provider: pledge.partner,
    beneficiary,
    category: pledge.category,
    capabilityArea: pledge.capabilityArea,
    money: { amount: pledge.amount, currency: pledge.currency, ...(pledge.perYear ? { perYear: true } : {}) },
    period: { from: pledge.from, to: pledge.to },
    firmness: pledge.firmness,
    conditions: [],
    classification: 'public',
  });
  return { agreement, commitment };
}

/** The input with the scenario's changes made: partners removed, pledges added. */
function prepare(input: AnalysisInput, settings: StressSettings, scenario: StressScenario | null): Prepared {
  const removed = new Set<string>();
  let natoAccession: string | null = null;
  const agreements = [...(input.agreements ?? [])];
  let commitments = [...(input.commitments ?? [])];
  (scenario?.changes ?? []).forEach((change, index) => {
    if (change.type === 'remove-partner') removed.add(change.partner);
    else if (change.type === 'nato-accession') natoAccession = change.date;
    else if (change.type === 'add-pledge') {
      const { agreement, commitment } = pledgeRecords(change, index, settings.asOf, mainBeneficiary(input.requirements ?? []));
      if (commitments.some((c) => c.id === commitment.id)) throw new CompactError('BAD_REQUEST', `a commitment "${commitment.id}" exists already`, `scenario.changes.${index}.id`);
      if (change.agreementId && !agreements.some((a) => a.id === change.agreementId)) {
        throw new CompactError('BAD_REQUEST', `no agreement "${change.agreementId}" to add the pledge to`, `scenario.changes.${index}.agreementId`);
      }
      if (agreement) agreements.push(agreement);
      commitments.push(commitment);
    }
  });
  if (removed.size > 0) commitments = commitments.filter((c) => !removed.has(c.provider));
  return { input: { ...input, agreements, commitments }, removed, natoAccession };
}

function shockShifts(scenario: StressScenario | null, input: AnalysisInput, commitment: Commitment): { shifts: FactorApplied[]; withdrawn: boolean } {
  const shifts: FactorApplied[] = [];
  let withdrawn = false;
  for (const shock of scenario?.shocks ?? []) {
    if (shock.type === 'government-change' && shock.partner === commitment.provider) {
      shifts.push({ code: 'shock', logit: shock.logitShift, note: `government change in ${shock.partner}` });
    } else if (shock.type === 'coalition-lead-withdraws') {
      const coalition = (input.coalitions ?? []).find((c) => c.id === shock.coalitionId);
      if (!coalition) throw new CompactError('BAD_REQUEST', `no coalition "${shock.coalitionId}"`, 'scenario.shocks');
      const lead = shock.partner ?? coalition.leads[0];
      if (!lead || !coalition.leads.includes(lead)) throw new CompactError('BAD_REQUEST', `${lead ?? 'nobody'} does not lead coalition "${coalition.id}"`, 'scenario.shocks');
      const inCoalition = commitment.coalitionId === coalition.id || (commitment.capabilityArea != null && coalition.capabilityAreas.includes(commitment.capabilityArea));
      if (!inCoalition) continue;
      if (commitment.provider === lead) withdrawn = true;
      else shifts.push({ code: 'shock', logit: LEAD_WITHDRAWAL_CONTAGION, note: `${lead} withdraws from leading coalition "${coalition.id}"` });
    }
  }
  return { shifts, withdrawn };
}

function minDelayOf(scenario: StressScenario | null, provider: string): number {
  let months = 0;
  for (const shock of scenario?.shocks ?? []) if (shock.type === 'funding-hold' && shock.partner === provider) months = Math.max(months, shock.months);
  for (const change of scenario?.changes ?? []) if (change.type === 'delay-partner' && change.partner === provider) months = Math.max(months, change.months);
  return months;
}

function punishmentInputs(prepared: Prepared, settings: StressSettings, beneficiary: string, contributions: readonly CoverageContribution[]): PunishmentInputs {
  const input = prepared.input;
  const byPartner = new Map<string, { agreementIds: string[]; speed: number; binding: boolean; sanctions: boolean }>();
  for (const agreement of input.agreements ?? []) {
    if (agreement.beneficiary !== beneficiary || !isActiveAsOf(agreement, settings.asOf)) continue;
    const providers = new Set([...agreement.parties, ...(agreement.adherents ?? [])]);
    providers.delete(beneficiary);
    const consultation = agreement.consultation;
    let speed = 0;
    if (consultation) {
      if (consultation.withinHours !== null) speed = Math.min(1, 24 / consultation.withinHours) * (consultation.bestEffort ? 0.75 : 1);
      else speed = 0.5;
    }
    for (const partner of providers) {
      if (prepared.removed.has(partner)) continue;
      const entry = byPartner.get(partner) ?? { agreementIds: [], speed: 0, binding: false, sanctions: false };
      entry.agreementIds.push(agreement.id);
      entry.speed = Math.max(entry.speed, speed);
      entry.binding ||= isLegallyBinding(agreement);
      byPartner.set(partner, entry);
    }
  }
  const active = new Set((input.agreements ?? []).filter((a) => isActiveAsOf(a, settings.asOf)).map((a) => a.id));
  for (const commitment of input.commitments ?? []) {
    const entry = byPartner.get(commitment.provider);
    if (entry && commitment.category === 'sanctions' && commitment.beneficiary === beneficiary && (commitment.agreementId === null || active.has(commitment.agreementId))) entry.sanctions = true;
  }
  const money = new Map<string, number>();
  for (const c of contributions) if (c.beneficiary === beneficiary && c.bucket === 'committed') money.set(c.provider, (money.get(c.provider) ?? 0) + Number(c.amount));
  const partners = [...byPartner.keys()].sort();
  const total = partners.reduce((sum, p) => sum + (money.get(p) ?? 0), 0);
  const guarantors = partners.map((partner) => {
    const entry = byPartner.get(partner) as { agreementIds: string[]; speed: number; binding: boolean; sanctions: boolean };
    return { partner, agreementIds: entry.agreementIds.sort(), speed: entry.speed, binding: entry.binding, sanctions: entry.sanctions, weight: total > 0 ? (money.get(partner) ?? 0) / total : 1 / partners.length };
  });
  const potentialGuarantors = (input.partners ?? []).filter((p) => p.code !== beneficiary && !prepared.removed.has(p.code)).length;
  return { beneficiary, guarantors, potentialGuarantors: Math.max(potentialGuarantors, guarantors.length) };
}

function highestPriority(ids: readonly string[], requirements: ReadonlyMap<string, Requirement>): CellInfo['priority'] {
  let best: CellInfo['priority'] = 'low';
  for (const id of ids) {
    const priority = requirements.get(id)?.priority;
    if (priority && PRIORITY_RANK[priority] < PRIORITY_RANK[best]) best = priority;
  }
  return best;
}

/** Compiles the model for one side of a run: the baseline (scenario null) or a what-if. */
export function compileStress(input: AnalysisInput, settings: StressSettings, scenario: StressScenario | null): CompiledModel {
  const prepared = prepare(input, settings, scenario);
  const { cells: requirementCells, contributions, scale } = coverageContributions(prepared.input, {
    asOf: settings.asOf,
    currency: settings.currency,
    natoAccession: prepared.natoAccession,
  });
  const requirements = new Map((prepared.input.requirements ?? []).map((r) => [r.id, r] as const));
  const cellIndex = new Map<string, number>();
  const keyOfCell = (beneficiary: string, area: string, year: number) => `${beneficiary}\u0001${area}\u0001${year}`;
  requirementCells.forEach((cell, index) => cellIndex.set(keyOfCell(cell.beneficiary, cell.capabilityArea, cell.year), index));
  const certain = requirementCells.map(() => 0n);

  // Contributions grouped by commitment (they come sorted by commitment id).
  const used = contributions.filter(
    (c) => c.capabilityArea !== null && (settings.includeAtRisk || c.bucket === 'committed') && cellIndex.has(keyOfCell(c.beneficiary, c.capabilityArea, c.year)),
  );
  const commitmentIds: string[] = [];
  for (const c of used) if (commitmentIds[commitmentIds.length - 1] !== c.commitmentId) commitmentIds.push(c.commitmentId);
  const n = commitmentIds.length;
  const contributionStart = new Int32Array(n + 1);
  const contributionCell = new Int32Array(used.length);
  const contributionNext = new Int32Array(used.length);
  const contributionAmount = new Float64Array(used.length);
  const bucketOf = new Map<string, 'committed' | 'atRisk'>();
  let ci = -1;
  used.forEach((c, k) => {
    if (commitmentIds[ci] !== c.commitmentId) {
      ci += 1;
      contributionStart[ci] = k;
    }
    bucketOf.set(c.commitmentId, c.bucket);
    const area = c.capabilityArea as string;
    const cell = cellIndex.get(keyOfCell(c.beneficiary, area, c.year)) as number;
    const amount = c.amount - c.natoLost;
    certain[cell] = (certain[cell] as bigint) + amount;
    contributionCell[k] = cell;
    contributionNext[k] = cellIndex.get(keyOfCell(c.beneficiary, area, c.year + 1)) ?? -1;
    contributionAmount[k] = Number(amount);
  });
  contributionStart[n] = used.length;

  const years = [...new Set(requirementCells.map((c) => c.year))].sort((a, b) => a - b);
  const cells: CellInfo[] = requirementCells.map((cell, index) => {
    const priority = highestPriority(cell.requirementIds, requirements);
    return {
      beneficiary: cell.beneficiary,
      capabilityArea: cell.capabilityArea,
      year: cell.year,
      priority,
      critical: priority === 'critical',
      required: formatMinor(cell.required, scale),
      certain: formatMinor(certain[index] as bigint, scale),
      requirementIds: cell.requirementIds,
    };
  });

  const byId = new Map((prepared.input.commitments ?? []).map((c) => [c.id, c] as const));
  const agreements = new Map((prepared.input.agreements ?? []).map((a) => [a.id, a] as const));
  const records = deliveryRecords(prepared.input.commitments ?? [], prepared.input.flows ?? [], settings.asOf);
  const partners = [...new Set(commitmentIds.map((id) => (byId.get(id) as Commitment).provider))].sort();
  const partnerIndex = new Map(partners.map((p, i) => [p, i] as const));
  const withdrawnBelow = new Float64Array(n);
  const partialBelow = new Float64Array(n);
  const lateBelow = new Float64Array(n);
  const minDelay = new Float64Array(n);
  const partnerOf = new Int32Array(n);
  const commitmentKey = new Uint32Array(n);
  const { lateShare, partialShare } = settings.outcomes;
  const commitments: CommitmentInfo[] = commitmentIds.map((id, i) => {
    const commitment = byId.get(id) as Commitment;
    const agreement = commitment.agreementId !== null ? agreements.get(commitment.agreementId) : undefined;
    const shock = shockShifts(scenario, prepared.input, commitment);
    const reliability = reliabilityOf(commitment, { settings, agreement, record: records.get(commitment.provider), shocks: shock.shifts });
    const factors = shock.withdrawn ? [...reliability.factors, { code: 'shock' as const, logit: 0, note: 'withdrawn: it leads the coalition that loses its lead' }] : reliability.factors;
    const p = shock.withdrawn ? 0 : reliability.probability;
    const outcomes = shock.withdrawn
      ? { onTime: 0, late: 0, partial: 0, withdrawn: 1 }
      : { onTime: p * (1 - lateShare), late: p * lateShare, partial: (1 - p) * partialShare, withdrawn: (1 - p) * (1 - partialShare) };
    withdrawnBelow[i] = normalQuantile(outcomes.withdrawn);
    partialBelow[i] = normalQuantile(outcomes.withdrawn + outcomes.partial);
    lateBelow[i] = normalQuantile(outcomes.withdrawn + outcomes.partial + outcomes.late);
    const delay = minDelayOf(scenario, commitment.provider);
    minDelay[i] = delay;
    partnerOf[i] = partnerIndex.get(commitment.provider) as number;
    commitmentKey[i] = keyOf(`commitment:${id}`);
    return {
      id,
      provider: commitment.provider,
      agreementId: commitment.agreementId,
      bucket: bucketOf.get(id) as 'committed' | 'atRisk',
      baseRate: reliability.baseRate,
      probability: p,
      outcomes,
      minDelayMonths: delay,
      factors,
    };
  });

  // Criticality entities: every partner, then every commitment, with the cells they reach.
  const entities: EntityInfo[] = [...partners.map((id) => ({ kind: 'partner' as const, id })), ...commitmentIds.map((id) => ({ kind: 'commitment' as const, id }))];
  const members: number[][] = [...partners.map((p) => commitmentIds.flatMap((_, i) => (partnerOf[i] === partnerIndex.get(p) ? [i] : []))), ...commitmentIds.map((_, i) => [i])];
  const entityStart = new Int32Array(entities.length + 1);
  const entityCellStart = new Int32Array(entities.length + 1);
  const memberList: number[] = [];
  const cellList: number[] = [];
  members.forEach((list, e) => {
    entityStart[e] = memberList.length;
    entityCellStart[e] = cellList.length;
    const reached = new Set<number>();
    for (const i of list) {
      memberList.push(i);
      for (let k = contributionStart[i] as number; k < (contributionStart[i + 1] as number); k++) {
        reached.add(contributionCell[k] as number);
        if ((contributionNext[k] as number) >= 0) reached.add(contributionNext[k] as number);
      }
    }
    for (const cell of [...reached].sort((a, b) => a - b)) cellList.push(cell);
  });
  entityStart[entities.length] = memberList.length;
  entityCellStart[entities.length] = cellList.length;

  const beneficiary = mostCommonBeneficiary(cells) ?? 'UA';
  const { global, partner } = settings.correlation;
  return {
    asOf: settings.asOf,
    currency: settings.currency,
    seed: settings.seed,
    threshold: settings.threshold,
    cells,
    required: Float64Array.from(requirementCells, (c) => Number(c.required)),
    criticalCells: Int32Array.from(cells.flatMap((c, i) => (c.critical ? [i] : []))),
    liveCells: Int32Array.from(new Set([...contributionCell, ...contributionNext].filter((c) => c >= 0))).sort(),
    cellYear: Int32Array.from(cells, (c) => years.indexOf(c.year)),
    years,
    commitments,
    partners,
    partnerOf,
    commitmentKey,
    partnerKey: Uint32Array.from(partners, (p) => keyOf(`partner:${p}`)),
    withdrawnBelow,
    partialBelow,
    lateBelow,
    minDelay,
    contributionStart,
    contributionCell,
    contributionNext,
    contributionAmount,
    loadings: { global, partner, own: Math.sqrt(Math.max(0, 1 - global * global - partner * partner)) },
    delayMonths: settings.outcomes.delayMonths,
    partialFraction: settings.outcomes.partialFraction,
    entities,
    entityStart,
    entityMember: Int32Array.from(memberList),
    entityCellStart,
    entityCell: Int32Array.from(cellList),
    punishment: punishmentInputs(prepared, settings, beneficiary, contributions),
  };
}

/** The beneficiary most requirements name (UA without requirements). */
function mainBeneficiary(requirements: readonly Requirement[]): string {
  const counts = new Map<string, number>();
  for (const r of requirements) counts.set(r.beneficiary, (counts.get(r.beneficiary) ?? 0) + 1);
  let best = 'UA';
  let most = 0;
  for (const [beneficiary, count] of [...counts].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    if (count > most) {
      best = beneficiary;
      most = count;
    }
  }
  return best;
}

function mostCommonBeneficiary(cells: readonly CellInfo[]): string | null {
  const counts = new Map<string, number>();
  for (const cell of cells) counts.set(cell.beneficiary, (counts.get(cell.beneficiary) ?? 0) + 1);
  let best: string | null = null;
  for (const [beneficiary, count] of counts) if (best === null || count > (counts.get(best) ?? 0) || (count === counts.get(best) && beneficiary < best)) best = beneficiary;
  return best;
}
