import { randomUUID } from 'node:crypto';
import {
  AllocationInput,
  CompactError,
  RateTable,
  allocate,
  allocationProblem,
  issuesFromZod,
  validationError,
  type AllocationProposal,
  type CrisisRequest,
  type Viewer,
} from '@compact/core';
import { appendAudit } from '../audit.js';
import { actorOf, requireCoordinator } from './access.js';
import type { CrisisDesk } from './desk.js';

function fromRow(row: { doc: string; decided_at: string | null; decided_by: string | null }): AllocationProposal {
  const proposal = JSON.parse(row.doc) as AllocationProposal;
  return { ...proposal, ...(row.decided_at ? { decidedAt: row.decided_at } : {}), ...(row.decided_by ? { decidedBy: row.decided_by } : {}) };
}

/**
 * What a viewer may see of an allocation: the coordinator everything; a partner's officer only a
 * decided allocation, and only their own partner's part of it.
 */
function shownTo(viewer: Viewer, proposal: AllocationProposal): AllocationProposal | undefined {
  if (viewer.role === 'coordinator' || viewer.role === 'system') return proposal;
  if (viewer.role !== 'partner-officer' || !proposal.decidedAt) return undefined;
  const own = proposal.result.assignments.filter((assignment) => assignment.partner === viewer.partner);
  const ownOffers = new Set(own.map((assignment) => assignment.offerId));
  return {
    ...proposal,
    input: { pins: [], excludedOfferIds: [] },
    notes: [],
    result: { ...proposal.result, assignments: own, excluded: proposal.result.excluded.filter((exclusion) => ownOffers.has(exclusion.offerId)) },
  };
}

/** Solving, listing and deciding allocations of a request's offers. */
export class Allocations {
  constructor(private readonly desk: CrisisDesk) {}

  async propose(requestId: string, input: unknown, viewer: Viewer): Promise<AllocationProposal> {
    requireCoordinator(viewer, 'solve an allocation');
    const parsed = AllocationInput.safeParse(input);
    if (!parsed.success) throw validationError(issuesFromZod(parsed.error));
    const request = await this.desk.getRequest(requestId, viewer);
    if (request.state !== 'offers') {
      throw new CompactError('ILLEGAL_TRANSITION', `an allocation is solved while a request is collecting offers; this one is ${request.state}`, '$.requestId', undefined, { state: request.state });
    }
    const offers = await this.desk.listOffers(requestId, viewer);
    const known = new Set(offers.map((offer) => offer.id));
    const lines = new Set(request.lines.map((line) => line.id));
    parsed.data.pins.forEach((pin, index) => {
      if (!known.has(pin.offerId)) throw new CompactError('VALIDATION', `pins[${index}].offerId: no offer "${pin.offerId}" on this request`, `$.pins[${index}].offerId`);
      if (!lines.has(pin.lineId)) throw new CompactError('VALIDATION', `pins[${index}].lineId: no line "${pin.lineId}" on this request`, `$.pins[${index}].lineId`);
    });
    parsed.data.excludedOfferIds.forEach((id, index) => {
      if (!known.has(id)) throw new CompactError('VALIDATION', `excludedOfferIds[${index}]: no offer "${id}" on this request`, `$.excludedOfferIds[${index}]`);
    });
    const rates = RateTable.withBuiltIn(await this.desk.store.listExchangeRates());
    const problem = allocationProblem(request, offers, rates);
    const result = await allocate(problem.lines, problem.offers, parsed.data);
    const at = this.desk.now();
    const proposal: AllocationProposal = {
      id: `alc-${randomUUID().slice(0, 8)}`,
      requestId,
      createdAt: at,
      createdBy: actorOf(viewer),
      input: parsed.data,
      offersConsidered: offers.length,
      notes: problem.notes,
      result,
    };
    await this.desk.store.transaction(async (trx) => {
      await trx.insertInto('allocations').values({ id: proposal.id, request_id: requestId, doc: JSON.stringify(proposal), created_at: at, created_by: proposal.createdBy, decided_at: null, decided_by: null }).execute();
      await appendAudit(trx, viewer, { action: 'propose', entity: 'allocation', entityId: proposal.id, before: null, after: { requestId, input: proposal.input, status: result.status, objective: result.objective, assignments: result.assignments.length } }, at);
    });
    await this.desk.announce({ topic: 'allocation.proposed', id: proposal.id, requestId, at, classification: 'confidential', ownerPartner: null });
    return proposal;
  }

  async list(requestId: string, viewer: Viewer): Promise<AllocationProposal[]> {
    await this.desk.getRequest(requestId, viewer);
    const rows = await this.desk.store.db.selectFrom('allocations').select(['doc', 'decided_at', 'decided_by']).where('request_id', '=', requestId).orderBy('created_at', 'desc').orderBy('id').execute();
    return rows.map(fromRow).flatMap((proposal) => shownTo(viewer, proposal) ?? []);
  }

  async decided(requestId: string, viewer: Viewer): Promise<AllocationProposal | undefined> {
    return (await this.list(requestId, viewer)).find((proposal) => proposal.decidedAt);
  }

  /** Records the decision and moves the request to allocated, in one transaction. */
  async decide(requestId: string, allocationId: string, viewer: Viewer, note?: string): Promise<{ request: CrisisRequest; allocation: AllocationProposal }> {
    requireCoordinator(viewer, 'decide an allocation');
    const at = this.desk.now();
    const outcome = await this.desk.store.transaction(async (trx) => {
      const row = await trx.selectFrom('allocations').select(['doc', 'decided_at', 'decided_by', 'request_id']).where('id', '=', allocationId).executeTakeFirst();
      if (!row || row.request_id !== requestId) throw new CompactError('NOT_FOUND', `allocation "${allocationId}" of request "${requestId}" not found`);
      const proposal = fromRow(row);
      if (proposal.result.status !== 'optimal') throw new CompactError('VALIDATION', `allocation "${allocationId}" is ${proposal.result.status}${proposal.result.message ? ` (${proposal.result.message})` : ''}; solve again before deciding`);
      const already = await trx.selectFrom('allocations').select('id').where('request_id', '=', requestId).where('decided_at', 'is not', null).executeTakeFirst();
      if (already) throw new CompactError('ALREADY_EXISTS', `allocation "${already.id}" was already decided for this request`);
      const decidedBy = actorOf(viewer);
      await trx.updateTable('allocations').set({ decided_at: at, decided_by: decidedBy }).where('id', '=', allocationId).where('decided_at', 'is', null).execute();
      const request = await this.desk.transitionIn(trx, requestId, 'allocate', viewer, at, note ?? `allocation ${allocationId} decided`);
      await appendAudit(trx, viewer, { action: 'decide', entity: 'allocation', entityId: allocationId, before: null, after: { requestId, assignments: proposal.result.assignments, note: note ?? null } }, at);
      return { request, allocation: { ...proposal, decidedAt: at, decidedBy, ...(note ? { note } : {}) } };
    });
    await this.desk.announce({ topic: 'request.changed', id: requestId, requestId, eventId: outcome.request.eventId, at, classification: outcome.request.classification, ownerPartner: null });
    return outcome;
  }
}
