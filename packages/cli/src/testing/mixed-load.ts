// A small load generator for a Compact server on loopback: N clients, each sending one request at
// a time for a fixed duration, mixing reads with writes of new commitments. Hand-written rather
// than autocannon because every write must be accounted for afterwards: each client names the
// record it creates, so the rows in the database can be matched one for one with the 201s.
import { sql } from 'kysely';
import type { Store } from '@compact/store';

export interface LoadOptions {
  readonly url: string;
  readonly clients: number;
  readonly durationMs: number;
  /** Share of requests that write (0-1). */
  readonly writeShare: number;
  /** Prefix of every id written, so that a run's rows can be found afterwards. */
  readonly runId: string;
  /** Reads to choose from (paths on the server), each small and of bounded size. */
  readonly reads: readonly string[];
  /** Called once a second while the load runs (memory sampling). */
  readonly onTick?: (elapsedMs: number) => void;
}

export interface LoadResult {
  readonly requests: number;
  readonly seconds: number;
  readonly requestsPerSecond: number;
  /** Answers by status; `network` counts requests that got no answer at all. */
  readonly byStatus: Readonly<Record<string, number>>;
  readonly serverErrors: number;
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
  readonly writes: number;
  /** Ids the server answered 201 for. */
  readonly created: readonly string[];
}

/** Reads of the shipped dataset, each small and of bounded size however many writes pile up. */
export const DEFAULT_READS = ['/api/agreements?asOf=2024-02-20', '/api/partners', '/api/commitments/gb-ua-2024-1', '/api/coalitions', '/api/health'];

/** The coordinator may write anything; the server under test trusts this header (COMPACT_TRUST_VIEWER_HEADER=1). */
const HEADERS = { 'x-compact-viewer': 'coordinator', 'content-type': 'application/json' };

/** A pledge under the shipped dataset's UK agreement (test record, not a fact). */
function pledge(id: string, n: number) {
  return {
    id,
    agreementId: 'gb-ua-2024',
    provider: 'GB',
    beneficiary: 'UA',
    category: 'equipment',
    capabilityArea: 'air-defence',
    firmness: 'pledged',
    money: { amount: String(1000 + n), currency: 'EUR' },
    period: { from: '2025-01-01', to: '2025-12-31' },
    description: 'load test record, not a fact',
  };
}

/** A small deterministic generator per client (mulberry32), so that a run's mix is repeatable. */
function random(seed: number): () => number {
  let state = Math.imul(seed, 0x9e3779b9) >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

function percentile(sorted: Float64Array, share: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))]!;
}

export async function runMixedLoad(options: LoadOptions): Promise<LoadResult> {
  const latencies: number[] = [];
  const byStatus: Record<string, number> = {};
  const created: string[] = [];
  let writes = 0;
  const started = performance.now();
  const deadline = started + options.durationMs;
  const ticker = options.onTick ? setInterval(() => options.onTick!(performance.now() - started), 1_000) : undefined;

  const client = async (index: number) => {
    const next = random(index + 1);
    for (let n = 0; performance.now() < deadline; n++) {
      const write = next() < options.writeShare;
      const id = `${options.runId}-${index}-${n}`;
      const init: RequestInit = write ? { method: 'POST', headers: HEADERS, body: JSON.stringify(pledge(id, n)) } : { headers: HEADERS };
      const path = write ? '/api/commitments' : options.reads[Math.floor(next() * options.reads.length)]!;
      const begun = performance.now();
      let status: string;
      try {
        const response = await fetch(`${options.url}${path}`, { ...init, signal: AbortSignal.timeout(30_000) });
        await response.arrayBuffer();
        status = String(response.status);
      } catch {
        status = 'network';
      }
      latencies.push(performance.now() - begun);
      byStatus[status] = (byStatus[status] ?? 0) + 1;
      if (write) writes++;
      if (write && status === '201') created.push(id);
    }
  };
  await Promise.all(Array.from({ length: options.clients }, (_, index) => client(index)));
  if (ticker) clearInterval(ticker);

  const seconds = (performance.now() - started) / 1000;
  const sorted = Float64Array.from(latencies).sort();
  return {
    requests: latencies.length,
    seconds,
    requestsPerSecond: latencies.length / seconds,
    byStatus,
    serverErrors: Object.entries(byStatus).reduce((sum, [status, count]) => sum + (status.startsWith('5') || status === 'network' ? count : 0), 0),
    p50: percentile(sorted, 0.5),
    p99: percentile(sorted, 0.99),
    max: sorted[sorted.length - 1] ?? 0,
    writes,
    created,
  };
}

export interface WriteAccount {
  /** Rows of this run in the database. */
  readonly rows: number;
  /** 201s with no row, or with more than one create in the audit log. */
  readonly lost: readonly string[];
  /** Rows no 201 answered for, or created more than once (version above 1, several audit entries). */
  readonly unexpected: readonly string[];
}

/** Matches the run's rows and audit entries with the 201s: each answer one row and one create, each row one answer. */
export async function accountWrites(store: Store, runId: string, created: readonly string[]): Promise<WriteAccount> {
  const pattern = `${runId}-%`;
  const rows = await store.db.selectFrom('commitments').select(['id', 'version']).where('id', 'like', pattern).execute();
  const audit = await store.db
    .selectFrom('audit_log')
    .select(['entity_id', sql<number>`count(*)`.as('n')])
    .where('entity', '=', 'commitments')
    .where('action', '=', 'create')
    .where('entity_id', 'like', pattern)
    .groupBy('entity_id')
    .execute();
  const stored = new Map(rows.map((row) => [row.id, Number(row.version)]));
  const creates = new Map(audit.map((entry) => [entry.entity_id, Number(entry.n)]));
  const answered = new Set(created);
  const lost = created.filter((id) => !stored.has(id) || creates.get(id) !== 1);
  const unexpected = [...stored].filter(([id, version]) => !answered.has(id) || version !== 1).map(([id]) => id);
  return { rows: rows.length, lost, unexpected };
}
