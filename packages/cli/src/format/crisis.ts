import type { AllocationProposal, CrisisConsultation, CrisisEvent, CrisisRequest } from '@compact/core';
import type { EventDetail } from '@compact/store';
import { textTable } from './text-table.js';

/** "in 3 h 20 min" / "overdue by 2 h 5 min": what a coordinator reads first on a clock. */
export function countdown(dueAt: string, now: Date): string {
  const ms = new Date(dueAt).getTime() - now.getTime();
  const minutes = Math.floor(Math.abs(ms) / 60_000);
  const text = `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
  return ms >= 0 ? `in ${text}` : `overdue by ${text}`;
}

export function formatEvents(events: readonly CrisisEvent[]): string {
  return `${textTable(['id', 'type', 'occurred (UTC)', 'title', 'class'], events.map((e) => [e.id, e.type, e.occurredAt, e.title, e.classification]))}\n`;
}

function consultationRow(c: CrisisConsultation, now: Date): string[] {
  const clock = c.status === 'open' ? countdown(c.dueAt, now) : c.status === 'held' ? `held ${c.heldAt ?? ''}` : `overdue, escalated ${c.escalatedAt ?? ''}`;
  return [c.partner, c.dueAt, `${c.windowHours} h (${c.basis})`, c.status, clock, c.obligations.map((o) => o.agreementId + (o.clauseRef ? ` ${o.clauseRef}` : '')).join(', ')];
}

export function formatEventDetail(detail: EventDetail, now: Date): string {
  const { event, consultations, requests } = detail;
  const parts = [
    `${event.title} — ${event.type}, ${event.occurredAt} (UTC), ${event.classification}`,
    '',
    `Consultations (${consultations.length}):`,
    textTable(['partner', 'due (UTC)', 'window', 'status', 'clock', 'agreements'], consultations.map((c) => consultationRow(c, now))),
    '',
    `Not obliged (${event.notObliged.length}):`,
    textTable(['partner', 'reason', 'agreements'], event.notObliged.map((n) => [n.partner, n.reason, n.agreementIds.join(', ') || '—'])),
    '',
    `Requests (${requests.length}):`,
    textTable(['id', 'state', 'title', 'lines'], requests.map((r) => [r.id, r.state, r.title, String(r.lines.length)])),
  ];
  return `${parts.join('\n')}\n`;
}

export function formatRequest(request: CrisisRequest): string {
  const lines = textTable(['line', 'item', 'quantity', 'needed by', 'priority'], request.lines.map((l) => [l.id, l.item, `${l.quantity} ${l.unit}`, l.neededBy, l.priority]), new Set([2]));
  const history = request.history.map((h) => `  ${h.at}  ${h.from ?? '—'} → ${h.to}  (${h.action}, ${h.by})${h.note ? ` ${h.note}` : ''}`).join('\n');
  return `${request.id}: ${request.title} — ${request.state} (version ${request.version})\n\n${lines}\n\nHistory:\n${history}\n`;
}

export function formatAllocation(proposal: AllocationProposal): string {
  const { result } = proposal;
  const head = `${proposal.id}: ${result.status}${result.message ? ` — ${result.message}` : ''}; ${result.variables} variables, ${result.constraints} constraints, ${result.solveMs.toFixed(0)} ms`;
  const assignments = textTable(
    ['line', 'offer', 'partner', 'quantity', 'delivery', 'days late', 'cost EUR'],
    result.assignments.map((a) => [a.lineId, a.offerId, a.partner, String(a.quantity), a.deliveryDate, String(a.daysLate), a.costEur === null ? '—' : a.costEur.toFixed(2)]),
    new Set([3, 5, 6]),
  );
  const lines = textTable(['line', 'requested', 'on time', 'late', 'unfilled'], result.lines.map((l) => [l.lineId, String(l.requested), String(l.onTime), String(l.late), String(l.unfilled)]), new Set([1, 2, 3, 4]));
  const excluded = result.excluded.map((e) => `  ${e.offerId} → ${e.lineId}: ${e.reason}`).join('\n');
  const notes = proposal.notes.map((note) => `  ${note}`).join('\n');
  return [head, '', assignments, '', lines, ...(excluded ? ['', 'Excluded:', excluded] : []), ...(notes ? ['', 'Notes:', notes] : []), ''].join('\n');
}
