// The stress test's parameters and the what-if scenario file, validated with zod at every edge
// (CLI file, HTTP body, web form). Defaults live here and are documented in README.md.
import { z } from 'zod';
import { CapabilityArea, CommitmentCategory, Firmness, LegalForm } from '../schema/vocabulary.js';
import { CurrencyCode, Id, IsoDate, PartnerCode } from '../schema/common.js';

export const RELIABILITY_PRIORS = {
  /** Leeds, Long and Mitchell 2000 (JCR): allies honoured obligations when the casus foederis arose, 1816–1944. */
  'leeds-2000': 0.745,
  /** Chiba et al.'s re-estimate of alliance reliability: about two thirds (approximate). */
  chiba: 0.66,
} as const;
export type ReliabilityPrior = keyof typeof RELIABILITY_PRIORS;

const Probability = z.number().min(0).max(1);
const Months = z.number().min(0).max(12, 'delays are modelled up to 12 months');

export const Override = z
  .object({
    commitmentId: Id.optional(),
    partner: PartnerCode.optional(),
    /** The probability that the commitment is honoured in full (on time or late), replacing the computed one. */
    probability: Probability,
  })
  .strict()
  .refine((o) => (o.commitmentId === undefined) !== (o.partner === undefined), { message: 'an override names either a commitmentId or a partner' });
export type Override = z.infer<typeof Override>;

export const Shock = z.discriminatedUnion('type', [
  z.object({ type: z.literal('funding-hold'), partner: PartnerCode, months: Months }).strict(),
  z.object({ type: z.literal('government-change'), partner: PartnerCode, logitShift: z.number().min(-5).max(5).default(-1) }).strict(),
  z.object({ type: z.literal('coalition-lead-withdraws'), coalitionId: Id, partner: PartnerCode.optional() }).strict(),
]);
export type Shock = z.infer<typeof Shock>;

export const AddPledge = z
  .object({
    type: z.literal('add-pledge'),
    id: Id.optional(),
    partner: PartnerCode,
    /** Default: the beneficiary most requirements name. */
    beneficiary: PartnerCode.optional(),
    capabilityArea: CapabilityArea,
    amount: z.string().regex(/^\d+(\.\d+)?$/, 'must be a decimal string such as "500000000"'),
    currency: CurrencyCode.default('EUR'),
    from: IsoDate,
    to: IsoDate,
    perYear: z.boolean().default(false),
    category: CommitmentCategory.default('equipment'),
    firmness: Firmness.default('pledged'),
    /** An existing agreement to attach it to; without one, a hypothetical agreement signed on the analysis day. */
    agreementId: Id.optional(),
    legalForm: LegalForm.default('political-commitment'),
    legallyBinding: z.boolean().default(false),
  })
  .strict()
  .refine((p) => p.from <= p.to, { message: 'from must not be after to', path: ['to'] });
export type AddPledge = z.infer<typeof AddPledge>;

export const Change = z.union([
  z.object({ type: z.literal('remove-partner'), partner: PartnerCode }).strict(),
  z.object({ type: z.literal('delay-partner'), partner: PartnerCode, months: Months }).strict(),
  AddPledge,
  z.object({ type: z.literal('nato-accession'), date: IsoDate }).strict(),
]);
export type Change = z.infer<typeof Change>;

export const StressScenario = z
  .object({
    name: z.string().min(1).max(200).default('scenario'),
    description: z.string().max(2000).optional(),
    shocks: z.array(Shock).max(50).default([]),
    changes: z.array(Change).max(200).default([]),
  })
  .strict();
export type StressScenario = z.infer<typeof StressScenario>;
export type StressScenarioInput = z.input<typeof StressScenario>;

export const DeterrenceWeights = z
  .object({
    denial: z.number().min(0).max(1).default(0.5),
    punishment: z.number().min(0).max(1).default(0.5),
  })
  .strict()
  .refine((w) => w.denial + w.punishment > 0, { message: 'the weights must not both be zero' });
export type DeterrenceWeights = z.infer<typeof DeterrenceWeights>;

export const StressSettings = z
  .object({
    asOf: IsoDate,
    currency: CurrencyCode.default('EUR'),
    trials: z.number().int().min(1).max(1_000_000).default(10_000),
    seed: z.number().int().min(0).max(0xffffffff).default(1),
    /** Coverage (delivered ÷ required) a cell must reach. */
    threshold: z.number().min(0).max(10).default(0.8),
    prior: z.enum(['leeds-2000', 'chiba']).default('leeds-2000'),
    correlation: z
      .object({ global: z.number().min(0).max(1).default(0.5), partner: z.number().min(0).max(1).default(0.6) })
      .strict()
      .refine((c) => c.global * c.global + c.partner * c.partner <= 1, { message: 'global² + partner² must not exceed 1' })
      .default({ global: 0.5, partner: 0.6 }),
    outcomes: z
      .object({
        /** Share of honoured commitments that arrive late. */
        lateShare: Probability.default(0.3),
        /** Share of not-honoured commitments that deliver part rather than nothing. */
        partialShare: Probability.default(0.5),
        delayMonths: z.tuple([Months, Months]).default([1, 12]),
        partialFraction: z.tuple([Probability, Probability]).default([0.2, 0.8]),
      })
      .strict()
      .refine((o) => o.delayMonths[0] <= o.delayMonths[1] && o.partialFraction[0] <= o.partialFraction[1], { message: 'ranges run from low to high' })
      .default({ lateShare: 0.3, partialShare: 0.5, delayMonths: [1, 12], partialFraction: [0.2, 0.8] }),
    /** Count conditional and approval-pending commitments (with their lower probability). */
    includeAtRisk: z.boolean().default(true),
    overrides: z.array(Override).max(1000).default([]),
    weights: DeterrenceWeights.default({ denial: 0.5, punishment: 0.5 }),
    /** Compute each partner's and commitment's contribution to risk. */
    criticality: z.boolean().default(true),
  })
  .strict();
export type StressSettings = z.infer<typeof StressSettings>;
export type StressSettingsInput = z.input<typeof StressSettings>;

/** The scenario file (`compact stress --scenario FILE`): settings that override the defaults, and the what-if. */
export const StressScenarioFile = z
  .object({
    format: z.literal('compact-stress/1'),
    settings: StressSettings.partial().omit({ asOf: true }).optional(),
    scenario: StressScenario.optional(),
  })
  .strict();
export type StressScenarioFile = z.infer<typeof StressScenarioFile>;
