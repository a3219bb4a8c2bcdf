import { randomUUID } from 'node:crypto';
import {
  CompactError,
  CrisisEventInput,
  CrisisRequestInput,
  OfferInput,
  SYSTEM_VIEWER,
  TransitionInput,
  issuesFromZod,
  nextState,
  routeEvent,
  validationError,
  DEFAULT_CONSULTATION_HOURS,
  type AllocationProposal,
  type ConsultationDefaults,
  type CrisisConsultation,
  type CrisisEvent,
  type CrisisRequest,
  type Offer,
  type RequestAction,
  type RequestLine,
  type Viewer,
} from '@compact/core';
import type { Transaction } from 'kysely';
import type { z } from 'zod';
import { appendAudit } from '../audit.js';
import type { Tables } from '../schema.js';
import type { Store } from '../store.js';
import { actorOf, crisisVisibility, requireActingFor, requireCoordinator } from './access.js';
import { Allocations } from './allocations.js';
import type { LiveEvent } from './feed.js';

export type Clock = () => Date;

export interface CrisisDeskOptions {
  /** The time source; tests pass a clock they move by hand. */
  clock?: Clock;
  /** Hours for consultation promises worded "immediately" / "swiftly" / without hours. */
  consultationDefaults?: ConsultationDefaults;
}

export interface EventDetail {
  event: CrisisEvent;
  consultations: CrisisConsultation[];
  requests: CrisisRequest[];
}

function parse<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw validationError(issuesFromZod(parsed.error));
  return parsed.data;
}

function newId(prefix: string): string {
  return `${prefix}-${randomUUID().slice(0, 8)}`;
}

/**
 * The crisis workflow over the store: events and their consultation clocks, requests and their
 * state machine, offers. Every write is one transaction with its audit entry; every read is
 * filtered for the viewer in SQL. Announcements to live views go out after the commit.
 */
export class CrisisDesk {
  readonly clock: Clock;
  private readonly defaults: ConsultationDefaults;
  private readonly allocations = new Allocations(this);

  constructor(
    readonly store: Store,
    options: CrisisDeskOptions = {},
  ) {
    this.clock = options.clock ?? (() => new Date());
    this.defaults = options.consultationDefaults ?? DEFAULT_CONSULTATION_HOURS;
  }

  private get db() {
    return this.store.db;
  }

  now(): string {
    return this.clock().toISOString();
  }

  /** Declares an event and opens one consultation clock per partner whose agreements are triggered. */
  async declareEvent(input: unknown, viewer: Viewer): Promise<EventDetail> {
    requireCoordinator(viewer, 'declare a crisis event');
    const parsed = parse(CrisisEventInput, input);
    const at = this.now();
    const [partners, agreements, clauses] = await Promise.all([
      this.store.list('partners', SYSTEM_VIEWER),
      this.store.list('agreements', SYSTEM_VIEWER),
      this.store.list('clauses', SYSTEM_VIEWER),
    ]);
    const routing = routeEvent(parsed, { partners, agreements, clauses }, this.defaults);
    const event: CrisisEvent = {
      id: newId('evt'),
      type: parsed.type,
      occurredAt: parsed.occurredAt,
      title: parsed.title,
      ...(parsed.description ? { description: parsed.description } : {}),
      beneficiary: parsed.beneficiary,
      classification: parsed.classification,
      declaredAt: at,
      declaredBy: actorOf(viewer),
      notObliged: routing.notObliged,
      version: 1,
    };
    const consultations: CrisisConsultation[] = routing.obliged.map((route) => ({
      id: `${event.id}:${route.partner}`,
      eventId: event.id,
      partner: route.partner,
      openedAt: at,
      dueAt: route.dueAt,
      windowHours: route.windowHours,
      basis: route.basis,
      obligations: route.obligations,
      status: 'open',
    }));
    await this.store.transaction(async (trx) => {
      const { version: _version, ...doc } = event;
      await trx
        .insertInto('crisis_events')
        .values({ id: event.id, type: event.type, occurred_at: event.occurredAt, classification: event.classification, owner_partner: null, doc: JSON.stringify(doc), version: 1, created_at: at })
        .execute();
      // Whether a partner has answered is between that partner and the coordinator, unless the event is public.
      const consultationClassification = event.classification === 'public' ? 'public' : 'confidential';
      for (const consultation of consultations) await this.insertConsultation(trx, consultation, consultationClassification);
      await appendAudit(trx, viewer, { action: 'declare', entity: 'crisis-event', entityId: event.id, before: null, after: { ...doc, consultations: consultations.map((c) => ({ partner: c.partner, dueAt: c.dueAt })) } }, at);
    });
    await this.announce({ topic: 'event.declared', id: event.id, eventId: event.id, at, classification: event.classification, ownerPartner: null, audience: consultations.map((c) => c.partner) });
    return { event, consultations, requests: [] };
  }

  private async insertConsultation(trx: Transaction<Tables>, consultation: CrisisConsultation, classification: string): Promise<void> {
    await trx
      .insertInto('consultations')
      .values({
        id: consultation.id,
        event_id: consultation.eventId,
        partner: consultation.partner,
        due_at: consultation.dueAt,
        status: consultation.status,
        escalated_at: null,
        escalated_by: null,
        classification,
        owner_partner: consultation.partner,
        doc: JSON.stringify(consultation),
        version: 1,
      })
      .execute();
  }

  async listEvents(viewer: Viewer): Promise<CrisisEvent[]> {
    const rows = await this.db.selectFrom('crisis_events as t').select(['t.doc', 't.version']).where(crisisVisibility(viewer, 't.id')).orderBy('t.occurred_at', 'desc').orderBy('t.id').execute();
    return rows.map((row) => ({ ...(JSON.parse(row.doc) as Omit<CrisisEvent, 'version'>), version: Number(row.version) }));
  }

  async getEvent(id: string, viewer: Viewer): Promise<EventDetail> {
    const row = await this.db.selectFrom('crisis_events as t').select(['t.doc', 't.version']).where('t.id', '=', id).where(crisisVisibility(viewer, 't.id')).executeTakeFirst();
    if (!row) throw new CompactError('NOT_FOUND', `crisis event "${id}" not found`);
    const event = { ...(JSON.parse(row.doc) as Omit<CrisisEvent, 'version'>), version: Number(row.version) };
    const [consultations, requests] = await Promise.all([this.listConsultations(viewer, { eventId: id }), this.listRequests(viewer, { eventId: id })]);
    // Who owes nothing is part of the coordinator's picture; others see only their own line of it.
    const notObliged = viewer.role === 'coordinator' || viewer.role === 'system' ? event.notObliged : event.notObliged.filter((entry) => entry.partner === viewer.partner);
    return { event: { ...event, notObliged }, consultations, requests };
  }

  async listConsultations(viewer: Viewer, filter: { eventId?: string; status?: string } = {}): Promise<CrisisConsultation[]> {
    let query = this.db.selectFrom('consultations as t').select(['t.doc', 't.status', 't.escalated_at']).where(crisisVisibility(viewer));
    if (filter.eventId) query = query.where('t.event_id', '=', filter.eventId);
    if (filter.status) query = query.where('t.status', '=', filter.status);
    const rows = await query.orderBy('t.due_at').orderBy('t.partner').execute();
    return this.withinSight(rows.map((row) => JSON.parse(row.doc) as CrisisConsultation), viewer);
  }

  /**
   * A consultation lists the obligations of every agreement that triggers it, hidden ones too: the
   * partner owes them all. Anyone but the coordinator sees it as routing over what they may see
   * would have made it: only the obligations under agreements (and consultation clauses) they may
   * see, the window of the first of those, and not at all when none is left. Otherwise a public
   * event would show the id, window and basis of a confidential agreement.
   */
  private async withinSight(consultations: CrisisConsultation[], viewer: Viewer): Promise<CrisisConsultation[]> {
    if (viewer.role === 'coordinator' || viewer.role === 'system' || consultations.length === 0) return consultations;
    const [agreements, clauses] = await Promise.all([this.store.list('agreements', viewer), this.store.list('clauses', viewer)]);
    const visible = new Set(agreements.map((agreement) => agreement.id));
    // As routing picks it: the first consultation clause of the agreement, in id order.
    const clauseRefs = new Map<string, string>();
    for (const clause of clauses) if (clause.topics.includes('consultation') && !clauseRefs.has(clause.agreementId)) clauseRefs.set(clause.agreementId, clause.ref);
    return consultations
      .flatMap((consultation) => {
        // Kept in routing's order (due, basis, agreement), so the first left is routing's choice over what is visible.
        const obligations = consultation.obligations.filter((obligation) => visible.has(obligation.agreementId)).map((obligation) => ({ ...obligation, clauseRef: clauseRefs.get(obligation.agreementId) ?? null }));
        const first = obligations[0];
        return first ? [{ ...consultation, dueAt: first.dueAt, windowHours: first.windowHours, basis: first.basis, obligations }] : [];
      })
      .sort((a, b) => a.dueAt.localeCompare(b.dueAt) || a.partner.localeCompare(b.partner));
  }

  /** The partner (or the coordinator for it) records that the consultation took place. */
  async holdConsultation(id: string, viewer: Viewer, note?: string): Promise<CrisisConsultation> {
    const at = this.now();
    const result = await this.store.transaction(async (trx) => {
      const row = await trx.selectFrom('consultations as t').selectAll('t').where('t.id', '=', id).where(crisisVisibility(viewer)).executeTakeFirst();
      if (!row) throw new CompactError('NOT_FOUND', `consultation "${id}" not found`);
      requireActingFor(viewer, row.partner, 'record a consultation');
      const before = JSON.parse(row.doc) as CrisisConsultation;
      if (before.status === 'held') throw new CompactError('ALREADY_EXISTS', `the consultation with ${row.partner} was already recorded as held on ${before.heldAt ?? ''}`);
      const after: CrisisConsultation = { ...before, status: 'held', heldAt: at, heldBy: actorOf(viewer), ...(note ? { note } : {}) };
      const updated = await trx
        .updateTable('consultations')
        .set({ status: 'held', doc: JSON.stringify(after), version: Number(row.version) + 1 })
        .where('id', '=', id)
        .where('version', '=', row.version)
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) !== 1) throw new CompactError('VERSION_CONFLICT', `consultation "${id}" changed meanwhile; reload and try again`);
      await appendAudit(trx, viewer, { action: 'hold', entity: 'consultation', entityId: id, before, after }, at);
      return { consultation: after, classification: row.classification };
    });
    await this.announce({ topic: 'consultation.held', id, eventId: result.consultation.eventId, at, classification: result.classification as CrisisEvent['classification'], ownerPartner: result.consultation.partner });
    return result.consultation;
  }

  async createRequest(input: unknown, viewer: Viewer): Promise<CrisisRequest> {
    requireCoordinator(viewer, 'raise a crisis request');
    const parsed = parse(CrisisRequestInput, input);
    const at = this.now();
    const lines: RequestLine[] = parsed.lines.map((line, index) => ({ ...line, id: line.id ?? `L${index + 1}` }));
    const request: CrisisRequest = {
      id: newId('req'),
      eventId: parsed.eventId,
      title: parsed.title,
      capabilityArea: parsed.capabilityArea,
      priority: parsed.priority,
      classification: parsed.classification,
      ...(parsed.notes ? { notes: parsed.notes } : {}),
      lines,
      state: 'draft',
      history: [{ action: 'create', from: null, to: 'draft', at, by: actorOf(viewer) }],
      createdAt: at,
      createdBy: actorOf(viewer),
      version: 1,
    };
    await this.store.transaction(async (trx) => {
      const event = await trx.selectFrom('crisis_events').select('id').where('id', '=', request.eventId).executeTakeFirst();
      if (!event) throw new CompactError('VALIDATION', `eventId: crisis event "${request.eventId}" does not exist`, '$.eventId');
      const { version: _version, ...doc } = request;
      await trx
        .insertInto('crisis_requests')
        .values({ id: request.id, event_id: request.eventId, state: request.state, classification: request.classification, owner_partner: null, doc: JSON.stringify(doc), version: 1, created_at: at, updated_at: at })
        .execute();
      await appendAudit(trx, viewer, { action: 'create', entity: 'crisis-request', entityId: request.id, before: null, after: doc }, at);
    });
    await this.announceRequest(request, at);
    return request;
  }

  async listRequests(viewer: Viewer, filter: { eventId?: string; state?: string } = {}): Promise<CrisisRequest[]> {
    let query = this.db.selectFrom('crisis_requests as t').select(['t.doc', 't.version']).where(crisisVisibility(viewer, 't.event_id'));
    if (filter.eventId) query = query.where('t.event_id', '=', filter.eventId);
    if (filter.state) query = query.where('t.state', '=', filter.state);
    const rows = await query.orderBy('t.created_at').orderBy('t.id').execute();
    return rows.map((row) => ({ ...(JSON.parse(row.doc) as Omit<CrisisRequest, 'version'>), version: Number(row.version) }));
  }

  async getRequest(id: string, viewer: Viewer): Promise<CrisisRequest> {
    const row = await this.db.selectFrom('crisis_requests as t').select(['t.doc', 't.version']).where('t.id', '=', id).where(crisisVisibility(viewer, 't.event_id')).executeTakeFirst();
    if (!row) throw new CompactError('NOT_FOUND', `crisis request "${id}" not found`);
    return { ...(JSON.parse(row.doc) as Omit<CrisisRequest, 'version'>), version: Number(row.version) };
  }

  /** Moves a request along its state machine; an illegal step is a 409 naming the allowed ones. */
  async transition(id: string, input: unknown, viewer: Viewer, expectedVersion?: number): Promise<CrisisRequest> {
    requireCoordinator(viewer, 'change the state of a crisis request');
    const { action, note } = parse(TransitionInput, input);
    const at = this.now();
    const request = await this.store.transaction((trx) => this.transitionIn(trx, id, action, viewer, at, note, expectedVersion));
    await this.announceRequest(request, at);
    return request;
  }

  /** The state change inside a caller's transaction, so that offers and decisions can move the state with their own write. */
  async transitionIn(trx: Transaction<Tables>, id: string, action: RequestAction, viewer: Viewer, at: string, note?: string, expectedVersion?: number): Promise<CrisisRequest> {
    const row = await trx.selectFrom('crisis_requests').select(['doc', 'version']).where('id', '=', id).executeTakeFirst();
    if (!row) throw new CompactError('NOT_FOUND', `crisis request "${id}" not found`);
    const version = Number(row.version);
    if (expectedVersion !== undefined && expectedVersion !== version) {
      throw new CompactError('VERSION_CONFLICT', `crisis request "${id}" was changed by someone else (you had version ${expectedVersion}, it is now ${version})`, '$.version');
    }
    const before = { ...(JSON.parse(row.doc) as Omit<CrisisRequest, 'version'>), version };
    const state = nextState(before.state, action);
    const after: CrisisRequest = {
      ...before,
      state,
      history: [...before.history, { action, from: before.state, to: state, at, by: actorOf(viewer), ...(note ? { note } : {}) }],
      version: version + 1,
    };
    const { version: _version, ...doc } = after;
    const updated = await trx
      .updateTable('crisis_requests')
      .set({ state, doc: JSON.stringify(doc), version: after.version, updated_at: at })
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) throw new CompactError('VERSION_CONFLICT', `crisis request "${id}" changed meanwhile; reload and try again`);
    await appendAudit(trx, viewer, { action: 'transition', entity: 'crisis-request', entityId: id, before: { state: before.state, version }, after: { action, state, version: after.version, ...(note ? { note } : {}) } }, at);
    return after;
  }

  /** An offer from a partner; the first one moves a consulting request to "offers". */
  async addOffer(requestId: string, input: unknown, viewer: Viewer): Promise<Offer> {
    const parsed = parse(OfferInput, input);
    requireActingFor(viewer, parsed.partner, 'make an offer');
    const at = this.now();
    const offer = await this.store.transaction(async (trx) => {
      const row = await trx.selectFrom('crisis_requests as t').select(['t.doc', 't.version']).where('t.id', '=', requestId).where(crisisVisibility(viewer, 't.event_id')).executeTakeFirst();
      if (!row) throw new CompactError('NOT_FOUND', `crisis request "${requestId}" not found`);
      const request = JSON.parse(row.doc) as CrisisRequest;
      if (request.state !== 'consulting' && request.state !== 'offers') {
        throw new CompactError('ILLEGAL_TRANSITION', `offers are taken while a request is consulting or collecting offers; this one is ${request.state}`, '$.requestId', undefined, { state: request.state });
      }
      if (parsed.lineId && !request.lines.some((line) => line.id === parsed.lineId)) {
        throw new CompactError('VALIDATION', `lineId: the request has no line "${parsed.lineId}" (lines: ${request.lines.map((line) => line.id).join(', ')})`, '$.lineId');
      }
      const record: Offer = {
        id: newId('off'),
        requestId,
        partner: parsed.partner,
        lineId: parsed.lineId ?? null,
        item: parsed.item,
        unit: parsed.unit,
        quantity: parsed.quantity,
        earliestDelivery: parsed.earliestDelivery,
        unitCost: parsed.unitCost ?? null,
        conditions: parsed.conditions,
        classification: parsed.classification,
        ...(parsed.note ? { note: parsed.note } : {}),
        createdAt: at,
        createdBy: actorOf(viewer),
      };
      await trx
        .insertInto('offers')
        .values({ id: record.id, request_id: requestId, partner: record.partner, classification: record.classification, owner_partner: record.partner, doc: JSON.stringify(record), created_at: at })
        .execute();
      await appendAudit(trx, viewer, { action: 'offer', entity: 'offer', entityId: record.id, before: null, after: record }, at);
      if (request.state === 'consulting') await this.transitionIn(trx, requestId, 'receive-offers', viewer, at, `first offer (${record.partner})`);
      return record;
    });
    await this.announce({ topic: 'offer.received', id: offer.id, requestId, at, classification: offer.classification, ownerPartner: offer.partner });
    return offer;
  }

  async proposeAllocation(requestId: string, input: unknown, viewer: Viewer): Promise<AllocationProposal> {
    return this.allocations.propose(requestId, input, viewer);
  }

  async listAllocations(requestId: string, viewer: Viewer): Promise<AllocationProposal[]> {
    return this.allocations.list(requestId, viewer);
  }

  async decidedAllocation(requestId: string, viewer: Viewer): Promise<AllocationProposal | undefined> {
    return this.allocations.decided(requestId, viewer);
  }

  async decideAllocation(requestId: string, allocationId: string, viewer: Viewer, note?: string): Promise<{ request: CrisisRequest; allocation: AllocationProposal }> {
    return this.allocations.decide(requestId, allocationId, viewer, note);
  }

  async listOffers(requestId: string, viewer: Viewer): Promise<Offer[]> {
    await this.getRequest(requestId, viewer);
    const rows = await this.db.selectFrom('offers as t').select('t.doc').where('t.request_id', '=', requestId).where(crisisVisibility(viewer)).orderBy('t.created_at').orderBy('t.id').execute();
    return rows.map((row) => JSON.parse(row.doc) as Offer);
  }

  private async announceRequest(request: CrisisRequest, at: string): Promise<void> {
    const audience = (await this.db.selectFrom('consultations').select('partner').where('event_id', '=', request.eventId).execute()).map((row) => row.partner);
    await this.announce({ topic: 'request.changed', id: request.id, eventId: request.eventId, requestId: request.id, at, classification: request.classification, ownerPartner: null, audience });
  }

  /** Live views learn of a change after it is committed; losing one only delays a view until its next poll. */
  async announce(event: LiveEvent): Promise<void> {
    try {
      await this.store.feed.publish(event);
    } catch {
      // The change is stored; a failed announcement must not turn a successful write into an error.
    }
  }

}
