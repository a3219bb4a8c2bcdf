import type { Classification } from '../schema/common.js';
import type { CapabilityArea, ConsultationTrigger } from '../schema/vocabulary.js';
import type { AllocationResult, OfferCondition } from './allocation/types.js';
import type { ConsultationStatus, CrisisEventType, RequestAction, RequestState, WindowBasis } from './vocabulary.js';

type Priority = 'critical' | 'high' | 'medium' | 'low';

/** Why a partner owes no consultation for an event: listed, never silently dropped. */
export type NotObligedReason = 'no-agreement' | 'not-yet-signed' | 'no-consultation-clause' | 'trigger-not-met';

export interface NotObliged {
  partner: string;
  reason: NotObligedReason;
  /** The agreements looked at, if any. */
  agreementIds: string[];
}

/** One agreement's promise to consult, as it applies to one event. */
export interface Obligation {
  agreementId: string;
  /** The clause holding the promise, when the agreement's text has been imported. */
  clauseRef: string | null;
  trigger: ConsultationTrigger;
  windowHours: number;
  basis: WindowBasis;
  /** Words of the agreement when it gives no hours ("immediately", "swiftly"). */
  wording?: string;
  level?: string;
  /** The partner joined a declaration rather than signing it. */
  viaAdherence?: boolean;
  dueAt: string;
}

export interface CrisisEvent {
  id: string;
  type: CrisisEventType;
  occurredAt: string;
  title: string;
  description?: string;
  beneficiary: string;
  classification: Classification;
  declaredAt: string;
  declaredBy: string;
  notObliged: NotObliged[];
  version: number;
}

export interface CrisisConsultation {
  id: string;
  eventId: string;
  partner: string;
  openedAt: string;
  /** The earliest due time among the partner's obligations. */
  dueAt: string;
  windowHours: number;
  basis: WindowBasis;
  obligations: Obligation[];
  status: ConsultationStatus;
  heldAt?: string;
  heldBy?: string;
  note?: string;
  escalatedAt?: string;
}

export interface RequestLine {
  id: string;
  item: string;
  unit: string;
  quantity: number;
  neededBy: string;
  priority: Priority;
  capabilityArea?: CapabilityArea;
  useTags?: string[];
  region?: string;
}

export interface RequestHistoryEntry {
  action: RequestAction | 'create';
  from: RequestState | null;
  to: RequestState;
  at: string;
  by: string;
  note?: string;
}

export interface CrisisRequest {
  id: string;
  eventId: string;
  title: string;
  capabilityArea: CapabilityArea;
  priority: Priority;
  classification: Classification;
  notes?: string;
  lines: RequestLine[];
  state: RequestState;
  history: RequestHistoryEntry[];
  createdAt: string;
  createdBy: string;
  version: number;
}

export interface Offer {
  id: string;
  requestId: string;
  partner: string;
  lineId: string | null;
  item: string;
  unit: string;
  quantity: number;
  earliestDelivery: string;
  unitCost: { amount: string; currency: string } | null;
  conditions: OfferCondition[];
  classification: Classification;
  note?: string;
  createdAt: string;
  createdBy: string;
}

export interface CrisisNotification {
  id: string;
  kind: 'consultation-overdue';
  at: string;
  eventId: string;
  consultationId: string;
  partner: string;
  message: string;
  messageUk: string;
  classification: Classification;
}

/** One solve of a request's allocation: what the coordinator asked for, what the solver proposed. */
export interface AllocationProposal {
  id: string;
  requestId: string;
  createdAt: string;
  createdBy: string;
  input: { pins: Array<{ offerId: string; lineId: string; quantity?: number | undefined }>; excludedOfferIds: string[]; fairShareCap?: number | Record<string, number> | undefined };
  offersConsidered: number;
  notes: string[];
  result: AllocationResult;
  decidedAt?: string;
  decidedBy?: string;
  note?: string;
}
