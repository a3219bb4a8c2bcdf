import { z } from 'zod';
import {
  Confidence,
  Id,
  IsoDate,
  MoneyAmount,
  PartialDate,
  PartnerCode,
  Period,
  Quantity,
  ShareOfGdp,
  Source,
  recordFields,
} from './common.js';
import {
  AgreementKind,
  AidType,
  CoalitionRole,
  DatePrecision,
  ImplementationScore,
  AgreementStatus,
  CapabilityArea,
  CommitmentCategory,
  ConditionType,
  ConsultationTrigger,
  DeterrenceMode,
  Firmness,
  FlowStage,
  LegalForm,
  MilestoneStatus,
  OnNatoAccession,
  Priority,
} from './vocabulary.js';

// Every entity schema is `.loose()`: the data package promises that extra fields are kept.

export const GdpFigure = z
  .object({
    year: z.number().int().min(1990).max(2100),
    money: MoneyAmount,
    sources: z.array(Source).min(1, 'a GDP figure needs its source'),
  })
  .loose();
export type GdpFigure = z.infer<typeof GdpFigure>;

export const Partner = z
  .object({
    code: PartnerCode,
    name: z.string().min(1),
    nameUk: z.string().min(1).optional(),
    nato: z.boolean().optional(),
    eu: z.boolean().optional(),
    g7: z.boolean().optional(),
    natoSince: IsoDate.optional(),
    membershipConfidence: Confidence.optional(),
    /** Gross domestic product by year: the default key for coalition fair shares. */
    gdp: z.array(GdpFigure).optional(),
    ...recordFields,
  })
  .loose();
export type Partner = z.infer<typeof Partner>;

export const StatusEntry = z
  .object({
    status: AgreementStatus,
    on: IsoDate,
    /** The status is known to hold by this date; when it began is not known. */
    onIsUpperBound: z.boolean().optional(),
    note: z.string().optional(),
    sources: z.array(Source).optional(),
  })
  .loose();
export type StatusEntry = z.infer<typeof StatusEntry>;

export const Consultation = z
  .object({
    trigger: ConsultationTrigger,
    /** Hours within which the parties consult; null when the text gives a word ("swiftly"). */
    withinHours: z.number().positive().nullable(),
    /** "where possible within 24 hours": a target, not a hard deadline. */
    bestEffort: z.boolean().optional(),
    wording: z.string().optional(),
    level: z.string().optional(),
    atRequestOf: z.string().optional(),
    confidence: Confidence.optional(),
  })
  .loose();
export type Consultation = z.infer<typeof Consultation>;

export const Agreement = z
  .object({
    id: Id,
    title: z.string().min(1),
    titleUk: z.string().optional(),
    parties: z.array(PartnerCode).min(1, 'an agreement needs at least one party'),
    beneficiary: PartnerCode,
    kind: AgreementKind,
    legalForm: LegalForm,
    legallyBinding: z.boolean().optional(),
    status: z.array(StatusEntry).min(1, 'an agreement needs at least one status entry'),
    place: z.string().optional(),
    durationYears: z.number().positive().nullable().optional(),
    endsOn: IsoDate.nullable().optional(),
    extension: z.object({}).loose().nullable().optional(),
    termination: z
      .object({ noticeMonths: z.number().nonnegative().optional(), byEitherParty: z.boolean().optional() })
      .loose()
      .nullable()
      .optional(),
    onNatoAccession: OnNatoAccession.nullable().optional(),
    onNatoAccessionNote: z.string().optional(),
    consultation: Consultation.nullable().optional(),
    /** Ukraine's Ministry of Defence counts 28 security agreements; Croatia's is not among them. */
    countedByUkraine: z.boolean().default(true),
    /** Joiners of a declaration, when they joined is unknown. */
    adherents: z.array(PartnerCode).optional(),
    notes: z.string().optional(),
    ...recordFields,
  })
  .loose()
  .superRefine((agreement, ctx) => {
    for (let i = 1; i < agreement.status.length; i++) {
      const previous = agreement.status[i - 1];
      const current = agreement.status[i];
      if (previous && current && current.on < previous.on) {
        ctx.addIssue({ code: 'custom', path: ['status', i, 'on'], message: 'status history must be in date order' });
      }
    }
  });
export type Agreement = z.infer<typeof Agreement>;

export const Clause = z
  .object({
    id: Id.optional(),
    agreementId: Id,
    ref: z.string().min(1, 'a clause needs its reference, such as II.6 or Art. 5(2)'),
    heading: z.string().optional(),
    text: z.string(),
    topics: z.array(z.string()).default([]),
    ...recordFields,
  })
  .loose();
export type Clause = z.infer<typeof Clause>;

export const Condition = z.object({ type: ConditionType, text: z.string().optional() }).loose();

/** A person's judgement of how far a commitment is implemented, overriding the score derived from flows. */
export const ImplementationOverride = z
  .object({
    /** The calendar year judged; absent for the commitment as a whole. */
    year: z.number().int().min(1990).max(2100).optional(),
    score: ImplementationScore,
    note: z.string().min(1, 'say why the derived score is overridden'),
    by: z.string().optional(),
    on: IsoDate,
  })
  .loose();
export type ImplementationOverride = z.infer<typeof ImplementationOverride>;

export const Commitment = z
  .object({
    id: Id,
    agreementId: Id.nullable(),
    clauseRef: z.string().nullable().optional(),
    provider: PartnerCode,
    beneficiary: PartnerCode,
    category: CommitmentCategory,
    capabilityArea: CapabilityArea.nullable().optional(),
    mode: DeterrenceMode.nullable().optional(),
    money: MoneyAmount.nullable().optional(),
    quantity: Quantity.nullable().optional(),
    shareOfGdp: ShareOfGdp.nullable().optional(),
    period: Period.nullable().optional(),
    firmness: Firmness,
    conditions: z.array(Condition).default([]),
    coalitionId: Id.nullable().optional(),
    /** The commitment this one restates, so the same money is counted once. */
    countsAs: Id.nullable().optional(),
    description: z.string().optional(),
    implementation: z.array(ImplementationOverride).optional(),
    ...recordFields,
  })
  .loose()
  .refine((commitment) => commitment.agreementId !== null || commitment.coalitionId, {
    message: 'a commitment needs an agreementId, or a coalitionId when it is a coalition contribution',
    path: ['agreementId'],
  });
export type Commitment = z.infer<typeof Commitment>;

export const Milestone = z
  .object({
    title: z.string().min(1),
    due: PartialDate,
    status: MilestoneStatus,
    doneOn: IsoDate.optional(),
    sources: z.array(Source).optional(),
  })
  .loose();
export type Milestone = z.infer<typeof Milestone>;

/** A partner's role in a coalition over a span of time (open ends: since founding, still). */
export const CoalitionMembership = z
  .object({
    partner: PartnerCode,
    role: CoalitionRole,
    from: PartialDate.optional(),
    to: PartialDate.optional(),
    sources: z.array(Source).optional(),
  })
  .loose();
export type CoalitionMembership = z.infer<typeof CoalitionMembership>;

/** What the coalition as a whole aims to provide: apportioned to its members by the fair-share key. */
export const CoalitionRequirement = z
  .object({
    money: MoneyAmount.nullable().optional(),
    quantity: Quantity.nullable().optional(),
    period: Period.optional(),
    basis: z.enum(['illustrative', 'sourced']),
    description: z.string().optional(),
    sources: z.array(Source).optional(),
  })
  .loose()
  .refine((requirement) => requirement.money || requirement.quantity, {
    message: 'a coalition requirement needs money or a quantity',
    path: ['money'],
  });
export type CoalitionRequirement = z.infer<typeof CoalitionRequirement>;

/** How the requirement is shared: by GDP (the default) or by shares the lead entered. */
export const FairShareKey = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('gdp'), year: z.number().int().min(1990).max(2100).optional() }).loose(),
  z
    .object({
      kind: z.literal('agreed'),
      /** Weights by partner, decimal strings; normalised over the members they name. */
      shares: z.record(PartnerCode, z.string().regex(/^\d+(\.\d+)?$/, 'a share is a decimal string such as "0.25"')),
      enteredBy: z.string().optional(),
      on: IsoDate.optional(),
      note: z.string().optional(),
    })
    .loose(),
]);
export type FairShareKey = z.infer<typeof FairShareKey>;

export const Coalition = z
  .object({
    id: Id,
    name: z.string().min(1),
    nameUk: z.string().optional(),
    capabilityAreas: z.array(CapabilityArea).min(1),
    leads: z.array(PartnerCode).min(1, 'a coalition needs at least one lead'),
    members: z.array(PartnerCode).default([]),
    founded: PartialDate.optional(),
    milestones: z.array(Milestone).default([]),
    membership: z.array(CoalitionMembership).optional(),
    requirement: CoalitionRequirement.nullable().optional(),
    fairShareKey: FairShareKey.optional(),
    ...recordFields,
  })
  .loose();
export type Coalition = z.infer<typeof Coalition>;

export const Requirement = z
  .object({
    id: Id,
    beneficiary: PartnerCode,
    capabilityArea: CapabilityArea,
    period: Period,
    money: MoneyAmount.nullable().optional(),
    quantity: Quantity.nullable().optional(),
    priority: Priority,
    basis: z.enum(['illustrative', 'sourced']),
    description: z.string().optional(),
    ...recordFields,
  })
  .loose()
  .refine((requirement) => requirement.money || requirement.quantity, {
    message: 'a requirement needs money or a quantity',
    path: ['money'],
  });
export type Requirement = z.infer<typeof Requirement>;

export const Flow = z
  .object({
    id: Id,
    /** The commitment this flow fulfils; absent for flows imported from trackers that do not say. */
    commitmentId: Id.nullable().optional(),
    /** Who gives: the commitment's provider when linked, required when not. */
    provider: PartnerCode.optional(),
    beneficiary: PartnerCode.optional(),
    capabilityArea: CapabilityArea.nullable().optional(),
    aidType: AidType.optional(),
    stage: FlowStage,
    on: IsoDate,
    onPrecision: DatePrecision.optional(),
    /** When an allocation is due to be delivered. */
    dueOn: IsoDate.optional(),
    money: MoneyAmount.nullable().optional(),
    quantity: Quantity.nullable().optional(),
    /** The flow this one passes money through (a coalition fund, the EU), so it is counted once. */
    parentFlowId: Id.nullable().optional(),
    newMoney: z.boolean().default(true),
    /** The earlier-stage flow of the same money (the pledge an allocation carries out). */
    restatesFlowId: Id.nullable().optional(),
    description: z.string().optional(),
    /** The row's identity in the dataset it came from, such as a Kiel tracker row. */
    externalId: z.string().optional(),
    ...recordFields,
  })
  .loose()
  .refine((flow) => Boolean(flow.commitmentId) || flow.provider !== undefined, {
    message: 'a flow needs a commitmentId, or a provider when it is not linked to a commitment',
    path: ['commitmentId'],
  });
export type Flow = z.infer<typeof Flow>;

/** A flow recorded against a commitment: the analysis and implementation scores read only these. */
export type LinkedFlow = Flow & { commitmentId: string };
export function isLinkedFlow(flow: Flow): flow is LinkedFlow {
  return typeof flow.commitmentId === 'string' && flow.commitmentId !== '';
}

export const ExchangeRateRecord = z
  .object({
    currency: z.string().regex(/^[A-Z]{3}$/),
    year: z.number().int().min(1990).max(2100),
    unitsPerEur: z.string().regex(/^\d+(\.\d+)?$/).optional(),
    eurPerUnit: z.string().regex(/^\d+(\.\d+)?$/).optional(),
    confidence: Confidence.optional(),
    source: z.string().min(1, 'every exchange rate needs its source'),
    note: z.string().nullable().optional(),
  })
  .loose()
  .refine((rate) => (rate.unitsPerEur === undefined) !== (rate.eurPerUnit === undefined), {
    message: 'give exactly one of unitsPerEur or eurPerUnit',
    path: ['unitsPerEur'],
  })
  .refine((rate) => !/^0+(\.0+)?$/.test(rate.unitsPerEur ?? rate.eurPerUnit ?? '1'), {
    message: 'a rate must be positive',
    path: ['unitsPerEur'],
  });
export type ExchangeRateRecord = z.infer<typeof ExchangeRateRecord>;

export const PeaceFormulaPoint = z
  .object({
    point: z.number().int().min(1).max(10),
    title: z.string().min(1),
    titleUk: z.string().optional(),
    agreementIds: z.array(Id).default([]),
    coalitionIds: z.array(Id).default([]),
    sources: z.array(Source).default([]),
  })
  .loose();
export type PeaceFormulaPoint = z.infer<typeof PeaceFormulaPoint>;

export const Meeting = z
  .object({
    id: Id,
    name: z.string().min(1),
    place: z.string().optional(),
    on: IsoDate,
    until: IsoDate.optional(),
    participants: z.number().int().positive().nullable().optional(),
    participantsApproximate: z.boolean().optional(),
    points: z.array(z.number().int().min(1).max(10)).default([]),
    outcome: z.string().optional(),
    sources: z.array(Source).default([]),
    confidence: Confidence.optional(),
  })
  .loose();
export type Meeting = z.infer<typeof Meeting>;

/** Crisis requests get their full model with the crisis-request workflow; kept verbatim until then. */
export const CrisisRequestRecord = z.object({ id: Id }).loose();
