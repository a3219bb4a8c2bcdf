import { z } from 'zod';
import { Classification, CurrencyCode, Id, IsoDate, PartnerCode } from '../schema/common.js';
import { CapabilityArea, Priority } from '../schema/vocabulary.js';
import { CrisisEventType, RequestAction } from './vocabulary.js';

/** An instant, with any offset on the way in and UTC (`…Z`) once parsed: clocks compare as strings. */
export const Instant = z.iso
  .datetime({ offset: true, error: 'must be an ISO 8601 date and time with a zone, such as 2026-03-01T04:30:00Z' })
  .transform((value) => new Date(value).toISOString());

const Text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max);

export const CrisisEventInput = z
  .object({
    type: CrisisEventType,
    occurredAt: Instant,
    title: Text(300),
    description: z.string().max(5000).optional(),
    /** The country attacked; Compact's agreements all name Ukraine. */
    beneficiary: PartnerCode.default('UA'),
    classification: Classification.default('restricted'),
  })
  .strict();
export type CrisisEventInput = z.input<typeof CrisisEventInput>;

export const RequestLineInput = z
  .object({
    id: Id.optional(),
    item: Text(200),
    unit: Text(50).default('items'),
    quantity: z.number().int('must be a whole number of items').min(1, 'must be at least 1'),
    neededBy: IsoDate,
    priority: Priority.default('high'),
    capabilityArea: CapabilityArea.optional(),
    /** How the items will be used, matched against offers' end-use conditions. */
    useTags: z.array(Text(50)).max(20).optional(),
    /** Where the items will be used, matched against offers' geographic conditions. */
    region: Text(100).optional(),
  })
  .strict();

export const CrisisRequestInput = z
  .object({
    eventId: Id,
    title: Text(300),
    capabilityArea: CapabilityArea,
    priority: Priority.default('high'),
    classification: Classification.default('restricted'),
    notes: z.string().max(5000).optional(),
    lines: z.array(RequestLineInput).min(1, 'a request needs at least one line').max(5000),
  })
  .strict()
  .superRefine((request, ctx) => {
    const seen = new Set<string>();
    request.lines.forEach((line, index) => {
      if (line.id === undefined) return;
      if (seen.has(line.id)) ctx.addIssue({ code: 'custom', path: ['lines', index, 'id'], message: `line id "${line.id}" is used twice` });
      seen.add(line.id);
    });
  });
export type CrisisRequestInput = z.input<typeof CrisisRequestInput>;

export const OfferConditionInput = z
  .object({
    type: z.enum(['end-use', 'geographic', 'other']),
    text: Text(1000),
    excludesUseTags: z.array(Text(50)).max(20).optional(),
    excludesRegions: z.array(Text(100)).max(50).optional(),
  })
  .strict();


export const OfferInput = z
  .object({
    /** The partner offering; an officer may only offer for their own partner. */
    partner: PartnerCode,
    /** The line the offer answers; absent when it may serve any line with the same item and unit. */
    lineId: Id.nullable().optional(),
    item: Text(200),
    unit: Text(50).default('items'),
    quantity: z.number().int('must be a whole number of items').min(1, 'must be at least 1'),
    earliestDelivery: IsoDate,
    /** Cost of one item in the offer's currency; null when donated without a stated value. */
    unitCost: z.object({ amount: z.string().regex(/^\d+(\.\d+)?$/, 'must be a decimal string such as "1250000"'), currency: CurrencyCode }).strict().nullable().optional(),
    conditions: z.array(OfferConditionInput).max(20).default([]),
    classification: Classification.default('confidential'),
    note: z.string().max(2000).optional(),
  })
  .strict();
export type OfferInput = z.input<typeof OfferInput>;

export const TransitionInput = z.object({ action: RequestAction, note: z.string().max(2000).optional() }).strict();

export const AllocationInput = z
  .object({
    pins: z.array(z.object({ offerId: Id, lineId: Id, quantity: z.number().int().min(1).optional() }).strict()).max(1000).default([]),
    excludedOfferIds: z.array(Id).max(5000).default([]),
    /** Largest share (0–1] of the allocated items one partner may provide; a number for all, or per partner. */
    fairShareCap: z.union([z.number().gt(0).max(1), z.record(PartnerCode, z.number().gt(0).max(1))]).optional(),
  })
  .strict();
export type AllocationInput = z.input<typeof AllocationInput>;

export const DecisionInput = z.object({ proposalId: Id, note: z.string().max(2000).optional() }).strict();
