import { statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { killWhen, postgresBackend, runCompact, runPausedInTransaction, sqliteBackend, type FaultBackend, type FaultDatabase } from './testing/fault-kit.js';

// A large import killed with SIGKILL part-way, on SQLite and (when its binaries are here)
// PostgreSQL: after a restart the database holds all of the package or none of it, and the audit
// chain verifies. One kill is certain to land inside the transaction (the pausing stand-in, just
// before the audit entry, the last write before commit); the real command is killed at moments
// spread over its run, and on SQLite while its write-ahead log grows (the commit being written).

const PARTNERS = 13;

/** Synthetic registry data (illustrative, not facts): one agreement per partner, many pledges. */
function bigPackage(commitments: number) {
  const codes = Array.from({ length: PARTNERS - 1 }, (_, i) => `Q${String.fromCharCode(65 + i)}`);
  return {
    format: 'compact/1',
    title: 'fault test package (synthetic)',
    partners: [{ code: 'UA', name: 'Ukraine' }, ...codes.map((code) => ({ code, name: `Synthetic partner ${code}` }))],
    agreements: codes.map((code) => ({ id: `syn-${code}`, title: `Synthetic ${code}`, parties: [code, 'UA'], beneficiary: 'UA', kind: 'bilateral', legalForm: 'political-commitment', status: [{ status: 'signed', on: '2024-03-01' }], sources: [{ title: 'synthetic' }] })),
    commitments: Array.from({ length: commitments }, (_, i) => {
      const code = codes[i % codes.length]!;
      return { id: `syn-c-${i}`, agreementId: `syn-${code}`, provider: code, beneficiary: 'UA', category: 'equipment', firmness: 'pledged', money: { amount: String(1000 + i), currency: 'EUR' }, description: `synthetic pledge ${i}, not a fact` };
    }),
  };
}

interface Counts {
  partners: number;
  agreements: number;
  commitments: number;
  audit: number;
}

/** Reopens the database as a restarted process would, counts what is there and verifies the audit chain. */
async function afterRestart(database: FaultDatabase): Promise<Counts> {
  const store = await database.open();
  try {
    const count = async (table: 'partners' | 'agreements' | 'commitments' | 'audit_log') =>
      Number((await store.db.selectFrom(table).select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow()).n);
    const counts = { partners: await count('partners'), agreements: await count('agreements'), commitments: await count('commitments'), audit: await count('audit_log') };
    // What `compact audit verify` runs.
    expect(await store.verifyAudit()).toEqual({ ok: true, entries: counts.audit });
    return counts;
  } finally {
    await store.close();
  }
}

const NOTHING: Counts = { partners: 0, agreements: 0, commitments: 0, audit: 0 };

// PostgreSQL imports row by row over the network: fewer rows keep the suite quick; the kill inside
// the transaction is what proves the point, not the size.
const backends = [
  { name: 'SQLite', open: () => Promise.resolve<FaultBackend | undefined>(sqliteBackend()), commitments: 3_000, fractions: [0.8] },
  { name: 'PostgreSQL', open: postgresBackend, commitments: 500, fractions: [0.9] },
];

describe.each(backends)('an import killed part-way ($name)', ({ open, commitments, fractions }) => {
  let backend: FaultBackend | undefined;
  const file = join(tmpdir(), `compact-fault-package-${process.pid}-${commitments}.json`);
  const EVERYTHING: Counts = { partners: PARTNERS, agreements: PARTNERS - 1, commitments, audit: 1 };
  /** How long the real command takes to reach its commit, from the pausing run. */
  let untilCommitMs = 0;

  beforeAll(async () => {
    writeFileSync(file, JSON.stringify(bigPackage(commitments)));
    backend = await open();
  }, 60_000);
  afterAll(() => backend?.dispose());

  it('leaves nothing when killed inside the transaction, and the import then runs in full', { timeout: 90_000 }, async (context) => {
    if (!backend) return context.skip('PostgreSQL server binaries not found');
    const database = backend.fresh();
    const paused = await runPausedInTransaction(['import', file, 'audit_log', '1'], database.env);
    untilCommitMs = paused.age();
    await killWhen(paused, () => true);
    expect(await afterRestart(database)).toEqual(NOTHING);

    const rerun = runCompact(['import', file], database.env);
    expect(await rerun.exited, rerun.output()).toBe(0);
    expect(await afterRestart(database)).toEqual(EVERYTHING);
  });

  it('leaves all or nothing when the real command is killed at moments spread over its run', { timeout: 90_000 }, async (context) => {
    if (!backend) return context.skip('PostgreSQL server binaries not found');
    const outcomes: string[] = [];
    for (const fraction of fractions) {
      const database = backend.fresh();
      const child = runCompact(['import', file], database.env);
      const ended = await killWhen(child, () => false, fraction * untilCommitMs);
      const counts = await afterRestart(database);
      expect([NOTHING, EVERYTHING], `killed at ${fraction} (${ended}): ${JSON.stringify(counts)}`).toContainEqual(counts);
      outcomes.push(`${fraction}: ${counts.commitments === 0 ? 'nothing' : 'everything'}`);
    }
    console.info(`import killed part-way (${backend.name}): ${outcomes.join(', ')}`);
  });

  // The log grows first while the new database's migrations run: a kill there once left a
  // half-made schema that no later start could migrate.
  it.runIf(open === backends[0]!.open)('leaves all or nothing, and a database that opens, when killed while the migrations write the log', { timeout: 60_000 }, async () => {
    const database = backend!.fresh();
    const wal = `${database.sqlitePath!}-wal`;
    const child = runCompact(['import', file], database.env);
    const ended = await killWhen(child, () => (statSync(wal, { throwIfNoEntry: false })?.size ?? 0) > 16 * 1024);
    const counts = await afterRestart(database);
    expect([NOTHING, EVERYTHING], `${ended}: ${JSON.stringify(counts)}`).toContainEqual(counts);
  });
});
