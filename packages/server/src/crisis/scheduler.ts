import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import { DEFAULT_RETRY_POLICY, WebhookOutbox, escalateDue, type CrisisDesk, type Escalation, type RetryPolicy } from '@compact/store';
import type { Logger } from 'pino';
import { sendWebhook } from './webhooks.js';

export interface SchedulerOptions {
  desk: CrisisDesk;
  logger: Logger;
  webhookUrls?: readonly string[];
  /** Signs every webhook; required when there are webhook addresses. */
  webhookSecret?: string | undefined;
  retryPolicy?: RetryPolicy;
  /** How often to look for due clocks and deliveries. */
  intervalMs?: number;
  webhookTimeoutMs?: number;
  /** This process's name in rows and audit entries. */
  worker?: string;
}

export interface TickReport {
  escalations: Escalation[];
  webhooks: Array<{ id: string; attempt: number; result: 'delivered' | 'pending' | 'failed' }>;
}

/**
 * Fires consultation deadlines and delivers webhooks. It keeps nothing in memory: each tick reads
 * what is due from the database, so a restart loses no deadline and two processes share the work
 * (the store's conditional updates make each escalation and delivery happen once).
 */
export class CrisisScheduler {
  readonly worker: string;
  private readonly outbox: WebhookOutbox;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<TickReport> | undefined;

  constructor(private readonly options: SchedulerOptions) {
    if ((options.webhookUrls?.length ?? 0) > 0 && !options.webhookSecret) {
      throw new Error('webhook addresses are configured without a signing secret: set COMPACT_WEBHOOK_SECRET');
    }
    for (const url of options.webhookUrls ?? []) {
      const protocol = new URL(url).protocol;
      if (protocol !== 'https:' && protocol !== 'http:') throw new Error(`webhook address must be http(s): ${url}`);
    }
    this.worker = options.worker ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 4)}`;
    this.outbox = new WebhookOutbox(options.desk, options.retryPolicy ?? DEFAULT_RETRY_POLICY);
  }

  /** One pass; overlapping calls share the pass in flight. */
  tick(): Promise<TickReport> {
    this.running ??= this.pass().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async pass(): Promise<TickReport> {
    const { desk, logger } = this.options;
    const escalations = await escalateDue(desk, { worker: this.worker, webhookUrls: this.options.webhookUrls ?? [] });
    for (const escalation of escalations) {
      logger.warn({ consultation: escalation.consultation.id, partner: escalation.consultation.partner, dueAt: escalation.consultation.dueAt }, 'consultation overdue: escalated');
    }
    const webhooks: TickReport['webhooks'] = [];
    const secret = this.options.webhookSecret;
    if (secret) {
      for (const delivery of await this.outbox.claimDue(this.worker)) {
        const outcome = await sendWebhook(delivery, secret, desk.clock(), this.options.webhookTimeoutMs ?? 10_000);
        const result = await this.outbox.record(delivery, this.worker, outcome);
        webhooks.push({ id: delivery.id, attempt: delivery.attempt, result });
        if (result !== 'delivered') logger.warn({ delivery: delivery.id, url: delivery.url, attempt: delivery.attempt, status: outcome.statusCode, error: outcome.error, result }, 'webhook delivery failed');
      }
    }
    return { escalations, webhooks };
  }

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => {
      this.tick().catch((error: unknown) => this.options.logger.error({ err: error }, 'crisis scheduler pass failed'));
    }, this.options.intervalMs ?? 1_000);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.running?.catch(() => undefined);
  }
}
