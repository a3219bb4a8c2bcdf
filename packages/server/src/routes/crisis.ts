import type { OpenAPIHono } from '@hono/zod-openapi';
import {
  AllocationInput,
  CompactError,
  CrisisEventInput,
  CrisisRequestInput,
  OfferInput,
  TransitionInput,
  allowedActions,
  edxlMessages,
  edxlXml,
} from '@compact/core';
import { WebhookOutbox, listNotifications, type CrisisDesk } from '@compact/store';
import type { AppEnv } from '../context.js';
import { documentRoute } from '../openapi.js';
import { readJson } from '../request.js';

/**
 * Crisis requests over HTTP: events and their consultation clocks, requests and their state
 * machine, offers, allocation, notifications and the EDXL-RM export. Thin: the desk checks roles,
 * validates and writes; these handlers only read parameters and shape answers.
 */
export function registerCrisisRoutes(app: OpenAPIHono<AppEnv>, desk: CrisisDesk): void {
  documentRoute(app, { method: 'post', path: '/api/crisis/events', tag: 'crisis', summary: 'Declare an event; opens a consultation clock for each partner whose agreement is triggered', body: CrisisEventInput, status: 201 });
  app.post('/api/crisis/events', async (c) => c.json(await desk.declareEvent(await readJson(c), c.var.viewer), 201));

  documentRoute(app, { method: 'get', path: '/api/crisis/events', tag: 'crisis', summary: 'Crisis events the viewer may see, newest first', list: true });
  app.get('/api/crisis/events', async (c) => c.json({ items: await desk.listEvents(c.var.viewer) }));

  documentRoute(app, { method: 'get', path: '/api/crisis/events/{id}', tag: 'crisis', summary: 'An event with its consultations, requests and the partners not obliged (with the reason)' });
  app.get('/api/crisis/events/:id', async (c) => c.json(await desk.getEvent(c.req.param('id'), c.var.viewer)));

  documentRoute(app, { method: 'get', path: '/api/crisis/consultations', tag: 'crisis', summary: 'Consultation clocks (due time in UTC, basis, status)', query: ['eventId', 'status'], list: true });
  app.get('/api/crisis/consultations', async (c) => {
    const filter = { ...(c.req.query('eventId') ? { eventId: c.req.query('eventId') } : {}), ...(c.req.query('status') ? { status: c.req.query('status') } : {}) };
    return c.json({ items: await desk.listConsultations(c.var.viewer, filter) });
  });

  documentRoute(app, { method: 'post', path: '/api/crisis/consultations/{id}/held', tag: 'crisis', summary: 'Record that the consultation took place (the partner’s officer or the coordinator)' });
  app.post('/api/crisis/consultations/:id/held', async (c) => {
    const body = (c.req.header('content-type') ? await readJson(c) : {}) as { note?: unknown };
    const note = typeof body.note === 'string' ? body.note.slice(0, 2000) : undefined;
    return c.json(await desk.holdConsultation(c.req.param('id'), c.var.viewer, note));
  });

  documentRoute(app, { method: 'post', path: '/api/crisis/requests', tag: 'crisis', summary: 'Raise a crisis request (a draft) with its lines', body: CrisisRequestInput, status: 201 });
  app.post('/api/crisis/requests', async (c) => c.json(await desk.createRequest(await readJson(c), c.var.viewer), 201));

  documentRoute(app, { method: 'get', path: '/api/crisis/requests', tag: 'crisis', summary: 'Crisis requests the viewer may see', query: ['eventId', 'state'], list: true });
  app.get('/api/crisis/requests', async (c) => {
    const filter = { ...(c.req.query('eventId') ? { eventId: c.req.query('eventId') } : {}), ...(c.req.query('state') ? { state: c.req.query('state') } : {}) };
    return c.json({ items: await desk.listRequests(c.var.viewer, filter) });
  });

  documentRoute(app, { method: 'get', path: '/api/crisis/requests/{id}', tag: 'crisis', summary: 'A request with its history and the actions allowed next' });
  app.get('/api/crisis/requests/:id', async (c) => {
    const request = await desk.getRequest(c.req.param('id'), c.var.viewer);
    return c.json({ ...request, allowedActions: allowedActions(request.state) });
  });

  documentRoute(app, { method: 'post', path: '/api/crisis/requests/{id}/transitions', tag: 'crisis', summary: 'Move a request along draft → submitted → consulting → offers → allocated → delivering → closed, or withdraw it; 409 ILLEGAL_TRANSITION otherwise', body: TransitionInput });
  app.post('/api/crisis/requests/:id/transitions', async (c) => {
    const body = (await readJson(c)) as Record<string, unknown>;
    const { version, ...input } = body;
    const request = await desk.transition(c.req.param('id'), input, c.var.viewer, typeof version === 'number' ? version : undefined);
    return c.json({ ...request, allowedActions: allowedActions(request.state) });
  });

  documentRoute(app, { method: 'post', path: '/api/crisis/requests/{id}/offers', tag: 'crisis', summary: 'Offer items against a request (a partner’s officer for their partner)', body: OfferInput, status: 201 });
  app.post('/api/crisis/requests/:id/offers', async (c) => c.json(await desk.addOffer(c.req.param('id'), await readJson(c), c.var.viewer), 201));

  documentRoute(app, { method: 'get', path: '/api/crisis/requests/{id}/offers', tag: 'crisis', summary: 'Offers the viewer may see (confidential offers: their partner and the coordinator)', list: true });
  app.get('/api/crisis/requests/:id/offers', async (c) => c.json({ items: await desk.listOffers(c.req.param('id'), c.var.viewer) }));

  documentRoute(app, { method: 'get', path: '/api/crisis/requests/{id}/edxl', tag: 'crisis', summary: 'The request as OASIS EDXL-RM messages (RequestResource, ResponseToRequestResource, CommitResource, …); ?format=xml for XML', query: ['format'] });
  app.get('/api/crisis/requests/:id/edxl', async (c) => {
    const request = await desk.getRequest(c.req.param('id'), c.var.viewer);
    const [{ event }, offers, decided] = await Promise.all([desk.getEvent(request.eventId, c.var.viewer), desk.listOffers(request.id, c.var.viewer), desk.decidedAllocation(request.id, c.var.viewer)]);
    const messages = edxlMessages(event, request, offers, decided?.result.assignments ?? []);
    if (c.req.query('format') === 'xml') return c.body(edxlXml(messages), 200, { 'content-type': 'application/xml; charset=utf-8' });
    return c.json({ namespace: 'urn:oasis:names:tc:emergency:EDXL:RM:1.0:msg', messages });
  });

  documentRoute(app, { method: 'post', path: '/api/crisis/requests/{id}/allocations', tag: 'crisis', summary: 'Solve the allocation of offers to the request’s lines (HiGHS); pins, exclusions and fair-share caps optional', body: AllocationInput, status: 201 });
  app.post('/api/crisis/requests/:id/allocations', async (c) => c.json(await desk.proposeAllocation(c.req.param('id'), await readJson(c), c.var.viewer), 201));

  documentRoute(app, { method: 'get', path: '/api/crisis/requests/{id}/allocations', tag: 'crisis', summary: 'Allocation proposals for a request, newest first, the decided one marked', list: true });
  app.get('/api/crisis/requests/:id/allocations', async (c) => c.json({ items: await desk.listAllocations(c.req.param('id'), c.var.viewer) }));

  documentRoute(app, { method: 'post', path: '/api/crisis/requests/{id}/allocations/{allocationId}/decision', tag: 'crisis', summary: 'Record the coordinator’s decision for a proposal; the request becomes allocated' });
  app.post('/api/crisis/requests/:id/allocations/:allocationId/decision', async (c) => {
    const body = (c.req.header('content-type') ? await readJson(c) : {}) as { note?: unknown };
    const note = typeof body.note === 'string' ? body.note.slice(0, 2000) : undefined;
    return c.json(await desk.decideAllocation(c.req.param('id'), c.req.param('allocationId'), c.var.viewer, note));
  });

  documentRoute(app, { method: 'get', path: '/api/notifications', tag: 'crisis', summary: 'In-app notifications (overdue consultations) the viewer may see, newest first', list: true });
  app.get('/api/notifications', async (c) => c.json({ items: await listNotifications(desk, c.var.viewer) }));

  documentRoute(app, { method: 'get', path: '/api/crisis/webhook-deliveries', tag: 'crisis', summary: 'Every webhook delivery and each of its attempts (coordinators and administrators)', list: true });
  app.get('/api/crisis/webhook-deliveries', async (c) => {
    const role = c.var.viewer.role;
    if (role !== 'coordinator' && role !== 'administrator') throw new CompactError(role === 'public' ? 'UNAUTHENTICATED' : 'FORBIDDEN', 'webhook deliveries are for coordinators and administrators');
    return c.json({ items: await new WebhookOutbox(desk).list() });
  });
}
