import { z } from 'zod';

export const CapabilityArea = z.enum([
  'air-defence',
  'air-force',
  'artillery',
  'armour',
  'maritime',
  'drones',
  'electronic-warfare',
  'demining',
  'it-cyber',
  'long-range-strike',
  'training',
  'intelligence',
  'defence-industry',
  'financial',
  'energy',
  'humanitarian',
]);
export type CapabilityArea = z.infer<typeof CapabilityArea>;

/** The G7 Joint Declaration's categories, plus the kinds of promise it does not name. */
export const CommitmentCategory = z.enum([
  'equipment',
  'defence-industry',
  'training',
  'intelligence',
  'cyber-hybrid',
  'economic',
  'financial-reform',
  'humanitarian',
  'sanctions',
  'accountability',
  'consultation',
]);
export type CommitmentCategory = z.infer<typeof CommitmentCategory>;

export const DeterrenceMode = z.enum(['denial', 'punishment']);

export const Firmness = z.enum(['binding', 'pledged', 'intended', 'conditional']);
export type Firmness = z.infer<typeof Firmness>;

export const ConditionType = z.enum([
  'parliamentary-approval',
  'pending-legislation',
  'end-use-restriction',
  'geographic-restriction',
  'nato-accession',
  'other',
]);

export const AgreementKind = z.enum(['bilateral', 'multilateral', 'declaration']);

export const LegalForm = z.enum(['treaty', 'executive-agreement', 'political-commitment', 'declaration']);
export type LegalForm = z.infer<typeof LegalForm>;

/** Lifecycle of an agreement, in order. */
export const AgreementStatus = z.enum(['interest', 'talks', 'signed', 'in-force', 'expired', 'terminated']);
export type AgreementStatus = z.infer<typeof AgreementStatus>;

export const OnNatoAccession = z.enum(['ends', 'continues', 'review']);

export const ConsultationTrigger = z.enum([
  'armed-attack',
  'armed-attack-or-threat',
  'armed-attack-or-significant-escalation',
]);
export type ConsultationTrigger = z.infer<typeof ConsultationTrigger>;

export const Priority = z.enum(['critical', 'high', 'medium', 'low']);
export type Priority = z.infer<typeof Priority>;

export const FlowStage = z.enum(['pledge', 'allocated', 'delivered']);
export type FlowStage = z.infer<typeof FlowStage>;

/** The Kiel tracker's general aid types, kept on flows that are not linked to a commitment. */
export const AidType = z.enum(['military', 'financial', 'humanitarian']);
export type AidType = z.infer<typeof AidType>;

/** How much of a flow's date is known: Kiel rows often give only the month, or the year (month 0). */
export const DatePrecision = z.enum(['day', 'month', 'year']);

/** Peace Accords Matrix implementation scale: 0 not started, 1 minimal, 2 intermediate, 3 complete. */
export const ImplementationScore = z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3)]);
export type ImplementationScore = z.infer<typeof ImplementationScore>;

export const CoalitionRole = z.enum(['lead', 'member']);
export type CoalitionRole = z.infer<typeof CoalitionRole>;

export const MilestoneStatus = z.enum(['open', 'done', 'late', 'cancelled']);
