import { z } from 'zod';

/** What a coordinator declares. Each maps onto the consultation triggers agreements use. */
export const CrisisEventType = z.enum(['armed-attack', 'threat-of-attack', 'significant-escalation']);
export type CrisisEventType = z.infer<typeof CrisisEventType>;

export const REQUEST_STATES = ['draft', 'submitted', 'consulting', 'offers', 'allocated', 'delivering', 'closed', 'withdrawn'] as const;
export const RequestState = z.enum(REQUEST_STATES);
export type RequestState = z.infer<typeof RequestState>;

export const REQUEST_ACTIONS = ['submit', 'consult', 'receive-offers', 'allocate', 'deliver', 'close', 'withdraw'] as const;
export const RequestAction = z.enum(REQUEST_ACTIONS);
export type RequestAction = z.infer<typeof RequestAction>;

export const CONSULTATION_STATUSES = ['open', 'held', 'overdue'] as const;
export type ConsultationStatus = (typeof CONSULTATION_STATUSES)[number];

/**
 * How a consultation's due time was derived: a stated number of hours, a stated target
 * ("where possible within 24 hours"), or a word ("immediately", "swiftly") that the configured
 * default turns into hours.
 */
export const WINDOW_BASES = ['stated', 'best-effort', 'default-immediately', 'default-swiftly', 'default-unstated'] as const;
export type WindowBasis = (typeof WINDOW_BASES)[number];

/**
 * OASIS EDXL-RM 1.0 message names for what happens to a request, so that the export can be read
 * by resource-messaging systems (urn:oasis:names:tc:emergency:EDXL:RM:1.0:msg).
 */
export const EDXL_MESSAGE_FOR_ACTION = {
  submit: 'RequestResource',
  consult: 'RequestInformation',
  'receive-offers': 'ResponseToRequestResource',
  allocate: 'CommitResource',
  deliver: 'ReportResourceDeploymentStatus',
  close: 'ReleaseResource',
  withdraw: 'RequestReturnOfResource',
} as const satisfies Record<RequestAction, string>;
export type EdxlMessageName = (typeof EDXL_MESSAGE_FOR_ACTION)[RequestAction] | 'OfferUnsolicitedResource';

/** What live views hear about (server-sent event names); the store announces, the web listens. */
export const LIVE_TOPICS = [
  'event.declared',
  'consultation.held',
  'consultation.overdue',
  'request.changed',
  'offer.received',
  'allocation.proposed',
  'notification',
] as const;
export type LiveTopic = (typeof LIVE_TOPICS)[number];
