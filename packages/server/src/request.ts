import { CompactError, IsoDate, isCurrencyCode, parseRules, readThresholds, type FindingCode, type ThresholdOption } from '@compact/core';
import type { Context } from 'hono';

/** Reads a JSON body strictly: the right content type and well-formed JSON, or a clear 400. */
export async function readJson(c: Context): Promise<unknown> {
  const type = c.req.header('content-type') ?? '';
  if (!type.toLowerCase().startsWith('application/json')) {
    throw new CompactError('BAD_REQUEST', 'send the body as JSON with Content-Type: application/json');
  }
  const text = await c.req.text();
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new CompactError('BAD_REQUEST', `the body is not valid JSON: ${(error as Error).message}`);
  }
}

export function optionalDate(c: Context, name: string): string | undefined {
  const value = c.req.query(name);
  if (value === undefined || value === '') return undefined;
  if (!IsoDate.safeParse(value).success) {
    throw new CompactError('VALIDATION', `${name} must be an ISO 8601 date such as 2024-02-20`, `query.${name}`);
  }
  return value;
}

/** The version an update or delete is based on: the body's `version`, or an If-Match header. */
export function expectedVersion(c: Context, body?: unknown): number {
  const fromBody = (body as { version?: unknown } | undefined)?.version;
  if (typeof fromBody === 'number' && Number.isInteger(fromBody)) return fromBody;
  const raw = c.req.header('if-match') ?? c.req.query('version');
  const parsed = raw === undefined ? NaN : Number(raw.replace(/^W\//, '').replaceAll('"', ''));
  if (!Number.isInteger(parsed) || parsed < 1) {
    throw new CompactError('VALIDATION', 'say which version you changed: "version" in the body, ?version=N or If-Match', '$.version');
  }
  return parsed;
}

/** The report currency of a view (`?currency=`, EUR by default), checked. */
export function reportCurrency(c: Context): string {
  const currency = c.req.query('currency') ?? 'EUR';
  if (!isCurrencyCode(currency)) {
    throw new CompactError('VALIDATION', 'currency must be an ISO 4217 code such as EUR, USD or GBP', 'query.currency');
  }
  return currency;
}

/** What `analysisTuning` reads: the thresholds given, and the rules to run. */
export type AnalysisTuning = Partial<Record<ThresholdOption, number>> & { rules?: FindingCode[] };

/**
 * The analysis's tunable thresholds from the query (`?fragmentationThreshold=6`, named as the
 * options) and `?rules=GAP,CONCENTRATION`: only those given, each checked, a 400 naming the
 * parameter otherwise.
 */
export function analysisTuning(c: Context): AnalysisTuning {
  const read = readThresholds((option) => c.req.query(option));
  if ('problem' in read) throw new CompactError('VALIDATION', `${read.option} ${read.problem}`, `query.${read.option}`);
  const out: AnalysisTuning = { ...read.thresholds };
  const rules = c.req.query('rules');
  if (rules !== undefined && rules !== '') {
    const parsed = parseRules(rules);
    if ('problem' in parsed) throw new CompactError('VALIDATION', `rules ${parsed.problem}`, 'query.rules');
    out.rules = parsed.codes;
  }
  return out;
}
