import { DEFAULT_CONSULTATION_HOURS, type ConsultationDefaults } from '@compact/core';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from '@compact/store';

/** The crisis workflow's settings, all from the environment (documented in the README). */
export interface CrisisSettings {
  webhookUrls: string[];
  webhookSecret: string | undefined;
  schedulerIntervalMs: number;
  consultationDefaults: ConsultationDefaults;
  retryPolicy: RetryPolicy;
}

function positive(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number, not "${raw}"`);
  return value;
}

export function crisisSettings(env: NodeJS.ProcessEnv = process.env): CrisisSettings {
  const webhookUrls = (env.COMPACT_WEBHOOK_URLS ?? '')
    .split(',')
    .map((url) => url.trim())
    .filter(Boolean);
  for (const url of webhookUrls) {
    try {
      new URL(url);
    } catch {
      throw new Error(`COMPACT_WEBHOOK_URLS holds an invalid address: "${url}"`);
    }
  }
  return {
    webhookUrls,
    webhookSecret: env.COMPACT_WEBHOOK_SECRET || undefined,
    schedulerIntervalMs: positive(env, 'COMPACT_SCHEDULER_INTERVAL_MS', 1_000),
    consultationDefaults: {
      immediately: positive(env, 'COMPACT_CONSULT_IMMEDIATELY_HOURS', DEFAULT_CONSULTATION_HOURS.immediately),
      swiftly: positive(env, 'COMPACT_CONSULT_SWIFTLY_HOURS', DEFAULT_CONSULTATION_HOURS.swiftly),
      unstated: positive(env, 'COMPACT_CONSULT_UNSTATED_HOURS', DEFAULT_CONSULTATION_HOURS.unstated),
    },
    retryPolicy: {
      ...DEFAULT_RETRY_POLICY,
      baseDelayMs: positive(env, 'COMPACT_WEBHOOK_RETRY_BASE_MS', DEFAULT_RETRY_POLICY.baseDelayMs),
      maxAttempts: positive(env, 'COMPACT_WEBHOOK_MAX_ATTEMPTS', DEFAULT_RETRY_POLICY.maxAttempts),
    },
  };
}
