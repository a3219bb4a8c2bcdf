import type { CrisisDesk } from './desk.js';

/** How often and how patiently a webhook is retried. */
export interface RetryPolicy {
  /** Delay before the second attempt; doubled for each further one. */
  baseDelayMs: number;
  maxDelayMs: number;
  maxAttempts: number;
  /** How long a process may hold a delivery before another may take it over. */
  leaseMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { baseDelayMs: 5_000, maxDelayMs: 3_600_000, maxAttempts: 10, leaseMs: 60_000 };

export interface ClaimedDelivery {
  id: string;
  topic: string;
  url: string;
  body: string;
  attempt: number;
}

export interface AttemptOutcome {
  statusCode: number | null;
  error: string | null;
  durationMs: number;
}

export interface WebhookDelivery {
  id: string;
  topic: string;
  subjectId: string;
  url: string;
  status: 'pending' | 'delivered' | 'failed';
  attempts: number;
  nextAttemptAt: string;
  createdAt: string;
  deliveredAt: string | null;
  lastError: string | null;
  history: Array<{ attempt: number; at: string; by: string; statusCode: number | null; error: string | null; durationMs: number }>;
}

/** Exponential backoff: base, 2·base, 4·base … capped. */
export function retryDelayMs(attempt: number, policy: RetryPolicy): number {
  return Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt - 1));
}

function later(instant: string, ms: number): string {
  return new Date(new Date(instant).getTime() + ms).toISOString();
}

/**
 * The webhook outbox: deliveries are rows queued with the escalation that caused them. A process
 * claims a due one with a conditional update (a lease), sends it, and records the attempt; a
 * delivery is sent again only after a failure or an expired lease.
 */
export class WebhookOutbox {
  constructor(
    private readonly desk: CrisisDesk,
    private readonly policy: RetryPolicy = DEFAULT_RETRY_POLICY,
  ) {}

  async claimDue(worker: string, limit = 20): Promise<ClaimedDelivery[]> {
    const now = this.desk.now();
    const db = this.desk.store.db;
    const candidates = await db
      .selectFrom('webhook_deliveries')
      .select(['id', 'topic', 'url', 'body', 'attempts'])
      .where('status', '=', 'pending')
      .where('next_attempt_at', '<=', now)
      .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', now)]))
      .orderBy('next_attempt_at')
      .orderBy('id')
      .limit(limit)
      .execute();
    const claimed: ClaimedDelivery[] = [];
    for (const candidate of candidates) {
      const result = await db
        .updateTable('webhook_deliveries')
        .set({ lease_until: later(now, this.policy.leaseMs), leased_by: worker })
        .where('id', '=', candidate.id)
        .where('status', '=', 'pending')
        .where('attempts', '=', candidate.attempts)
        .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', now)]))
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) === 1) {
        claimed.push({ id: candidate.id, topic: candidate.topic, url: candidate.url, body: candidate.body, attempt: Number(candidate.attempts) + 1 });
      }
    }
    return claimed;
  }

  /** Records one attempt; a 2xx ends the delivery, anything else schedules the next try or gives up. */
  async record(delivery: ClaimedDelivery, worker: string, outcome: AttemptOutcome): Promise<'delivered' | 'pending' | 'failed'> {
    const now = this.desk.now();
    const ok = outcome.statusCode !== null && outcome.statusCode >= 200 && outcome.statusCode < 300;
    const status = ok ? 'delivered' : delivery.attempt >= this.policy.maxAttempts ? 'failed' : 'pending';
    await this.desk.store.transaction(async (trx) => {
      await trx
        .insertInto('webhook_attempts')
        .values({ delivery_id: delivery.id, attempt: delivery.attempt, at: now, by: worker, status_code: outcome.statusCode, error: outcome.error, duration_ms: Math.round(outcome.durationMs) })
        .execute();
      await trx
        .updateTable('webhook_deliveries')
        .set({
          status,
          attempts: delivery.attempt,
          lease_until: null,
          leased_by: null,
          next_attempt_at: status === 'pending' ? later(now, retryDelayMs(delivery.attempt, this.policy)) : now,
          delivered_at: ok ? now : null,
          last_error: ok ? null : (outcome.error ?? `HTTP ${outcome.statusCode ?? '?'}`),
        })
        .where('id', '=', delivery.id)
        .where('leased_by', '=', worker)
        .execute();
    });
    return status;
  }

  async list(limit = 200): Promise<WebhookDelivery[]> {
    const db = this.desk.store.db;
    const rows = await db.selectFrom('webhook_deliveries').selectAll().orderBy('created_at', 'desc').orderBy('id').limit(limit).execute();
    const attempts = rows.length
      ? await db.selectFrom('webhook_attempts').selectAll().where('delivery_id', 'in', rows.map((row) => row.id)).orderBy('attempt').execute()
      : [];
    return rows.map((row) => ({
      id: row.id,
      topic: row.topic,
      subjectId: row.subject_id,
      url: row.url,
      status: row.status as WebhookDelivery['status'],
      attempts: Number(row.attempts),
      nextAttemptAt: row.next_attempt_at,
      createdAt: row.created_at,
      deliveredAt: row.delivered_at,
      lastError: row.last_error,
      history: attempts
        .filter((attempt) => attempt.delivery_id === row.id)
        .map((attempt) => ({ attempt: Number(attempt.attempt), at: attempt.at, by: attempt.by, statusCode: attempt.status_code === null ? null : Number(attempt.status_code), error: attempt.error, durationMs: Number(attempt.duration_ms) })),
    }));
  }
}
