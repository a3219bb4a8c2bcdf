import { createHmac, timingSafeEqual } from 'node:crypto';
import type { AttemptOutcome, ClaimedDelivery } from '@compact/store';

export const SIGNATURE_HEADER = 'compact-signature';
export const DELIVERY_HEADER = 'compact-delivery';
export const TOPIC_HEADER = 'compact-topic';

/**
 * `t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">`: the timestamp is signed with the body so a
 * captured request cannot be replayed later with a fresh time (receivers reject old ones).
 */
export function signWebhook(secret: string, body: string, unixSeconds: number): string {
  const mac = createHmac('sha256', secret).update(`${unixSeconds}.${body}`).digest('hex');
  return `t=${unixSeconds},v1=${mac}`;
}

/** What a receiver does: recompute and compare in constant time, and refuse stale timestamps. */
export function verifyWebhookSignature(secret: string, body: string, header: string | null | undefined, nowSeconds: number, toleranceSeconds = 300): boolean {
  if (!header) return false;
  const parts = Object.fromEntries(header.split(',').map((part) => part.split('=', 2) as [string, string]));
  const t = Number(parts.t);
  if (!Number.isInteger(t) || Math.abs(nowSeconds - t) > toleranceSeconds || !parts.v1) return false;
  const expected = Buffer.from(signWebhook(secret, body, t).split('v1=')[1] ?? '', 'hex');
  const given = Buffer.from(parts.v1, 'hex');
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** One POST; any answer is an outcome to record, never an exception. */
export async function sendWebhook(delivery: ClaimedDelivery, secret: string, now: Date, timeoutMs: number): Promise<AttemptOutcome> {
  const started = performance.now();
  try {
    const response = await fetch(delivery.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        [SIGNATURE_HEADER]: signWebhook(secret, delivery.body, Math.floor(now.getTime() / 1000)),
        [DELIVERY_HEADER]: delivery.id,
        [TOPIC_HEADER]: delivery.topic,
        'user-agent': 'Compact-Webhooks/1',
      },
      body: delivery.body,
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
    await response.body?.cancel();
    return { statusCode: response.status, error: null, durationMs: performance.now() - started };
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code;
    return { statusCode: null, error: cause ?? (error as Error).message, durationMs: performance.now() - started };
  }
}
