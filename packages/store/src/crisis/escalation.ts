import { randomUUID } from 'node:crypto';
import type { Classification, CrisisConsultation, CrisisEvent, CrisisNotification, Viewer } from '@compact/core';
import { appendAudit } from '../audit.js';
import { crisisVisibility } from './access.js';
import type { CrisisDesk } from './desk.js';

export interface EscalationOptions {
  /** Who is escalating, for the audit log and the rows (a server process's name). */
  worker: string;
  /** Addresses to POST each escalation to; one delivery per address is queued with the escalation. */
  webhookUrls: readonly string[];
  /** At most this many consultations per call. */
  limit?: number;
}

export interface Escalation {
  consultation: CrisisConsultation;
  notification: CrisisNotification;
  deliveries: number;
}

function overdueMessage(consultation: CrisisConsultation, event: Pick<CrisisEvent, 'title'> | undefined): { en: string; uk: string } {
  const agreements = consultation.obligations.map((obligation) => obligation.agreementId).join(', ');
  return {
    en: `Consultation with ${consultation.partner}${event ? ` on “${event.title}”` : ''} is overdue: due ${consultation.dueAt} (${consultation.windowHours} h, ${consultation.basis}) under ${agreements}.`,
    uk: `Консультації з ${consultation.partner}${event ? ` щодо «${event.title}»` : ''} прострочено: строк ${consultation.dueAt} (${consultation.windowHours} год., ${consultation.basis}) за ${agreements}.`,
  };
}

/**
 * Escalates every open consultation whose due time has passed: marks it overdue, writes the in-app
 * notification and queues one webhook delivery per address, all in one transaction. The update is
 * conditional on the row still being open, so when several processes race only one escalates.
 */
export async function escalateDue(desk: CrisisDesk, options: EscalationOptions): Promise<Escalation[]> {
  const now = desk.now();
  const due = await desk.store.db
    .selectFrom('consultations')
    .select('id')
    .where('status', '=', 'open')
    .where('due_at', '<=', now)
    .orderBy('due_at')
    .orderBy('id')
    .limit(options.limit ?? 100)
    .execute();
  const escalations: Escalation[] = [];
  const viewer: Viewer = { role: 'system', actor: `scheduler:${options.worker}` };
  for (const { id } of due) {
    const escalated = await desk.store.transaction(async (trx) => {
      const row = await trx.selectFrom('consultations').selectAll().where('id', '=', id).executeTakeFirst();
      if (!row || row.status !== 'open') return undefined;
      const before = JSON.parse(row.doc) as CrisisConsultation;
      const consultation: CrisisConsultation = { ...before, status: 'overdue', escalatedAt: now };
      const claimed = await trx
        .updateTable('consultations')
        .set({ status: 'overdue', escalated_at: now, escalated_by: options.worker, doc: JSON.stringify(consultation), version: Number(row.version) + 1 })
        .where('id', '=', id)
        .where('status', '=', 'open')
        .where('version', '=', row.version)
        .executeTakeFirst();
      if (Number(claimed.numUpdatedRows) !== 1) return undefined;
      const eventRow = await trx.selectFrom('crisis_events').select('doc').where('id', '=', row.event_id).executeTakeFirst();
      const event = eventRow ? (JSON.parse(eventRow.doc) as CrisisEvent) : undefined;
      const message = overdueMessage(consultation, event);
      const notification: CrisisNotification = {
        id: `ntf-${randomUUID().slice(0, 8)}`,
        kind: 'consultation-overdue',
        at: now,
        eventId: row.event_id,
        consultationId: id,
        partner: row.partner,
        message: message.en,
        messageUk: message.uk,
        classification: row.classification as Classification,
      };
      await trx
        .insertInto('notifications')
        .values({ id: notification.id, at: now, kind: notification.kind, classification: row.classification, owner_partner: row.partner, doc: JSON.stringify(notification) })
        .execute();
      // The webhook carries ids and times only: receivers fetch details with their own rights.
      const body = JSON.stringify({
        topic: 'consultation.overdue',
        at: now,
        consultation: { id, eventId: row.event_id, partner: row.partner, dueAt: consultation.dueAt, windowHours: consultation.windowHours, basis: consultation.basis, agreements: consultation.obligations.map((obligation) => obligation.agreementId) },
        event: event ? { id: row.event_id, type: event.type, occurredAt: event.occurredAt } : { id: row.event_id },
      });
      for (const url of options.webhookUrls) {
        await trx
          .insertInto('webhook_deliveries')
          .values({ id: `whd-${randomUUID().slice(0, 12)}`, topic: 'consultation.overdue', subject_id: id, url, body, status: 'pending', attempts: 0, next_attempt_at: now, lease_until: null, leased_by: null, created_at: now, delivered_at: null, last_error: null })
          .execute();
      }
      await appendAudit(trx, viewer, { action: 'escalate', entity: 'consultation', entityId: id, before, after: { ...consultation, notification: notification.id, webhooks: options.webhookUrls.length } }, now);
      return { consultation, notification, deliveries: options.webhookUrls.length };
    });
    if (!escalated) continue;
    escalations.push(escalated);
    const guard = { classification: escalated.notification.classification, ownerPartner: escalated.consultation.partner };
    await desk.announce({ topic: 'consultation.overdue', id, eventId: escalated.consultation.eventId, at: now, ...guard });
    await desk.announce({ topic: 'notification', id: escalated.notification.id, eventId: escalated.consultation.eventId, at: now, ...guard });
  }
  return escalations;
}

/** In-app notifications the viewer may see, newest first. */
export async function listNotifications(desk: CrisisDesk, viewer: Viewer, limit = 100): Promise<CrisisNotification[]> {
  const rows = await desk.store.db.selectFrom('notifications as t').select('t.doc').where(crisisVisibility(viewer)).orderBy('t.at', 'desc').orderBy('t.id').limit(limit).execute();
  return rows.map((row) => JSON.parse(row.doc) as CrisisNotification);
}
