// Crisis-request routing benchmarks: an armed attack routed to 50 agreements, in core alone and
// through the store (routing plus 50 consultation clocks written in one transaction). Called by
// run.ts; run alone (`npx tsx bench/crisis-bench.ts`) it prints its figures.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SYSTEM_VIEWER, routeEvent, validatePackage, type Agreement, type Viewer } from '@compact/core';
import { CrisisDesk, openStore } from '@compact/store';
import { median, type BenchRow } from './measure.js';

const WINDOWS = [{ withinHours: 24 }, { withinHours: 24, bestEffort: true }, { withinHours: null, wording: 'immediately' }, { withinHours: null, wording: 'swiftly' }, { withinHours: 72 }];
const TRIGGERS = ['armed-attack', 'armed-attack-or-threat', 'armed-attack-or-significant-escalation'] as const;

/** 50 synthetic partners (codes QA…), each with one signed agreement and a consultation clause of varied wording. */
export function routingPackage(count = 50) {
  const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  const codes = Array.from({ length: count }, (_, i) => `${letters[Math.floor(i / 26) + 16]}${letters[i % 26]}`);
  const agreements: Agreement[] = codes.map((code, i) => ({
    id: `${code.toLowerCase()}-ua-synthetic`,
    title: `Synthetic agreement ${code} (illustrative)`,
    parties: [code, 'UA'],
    beneficiary: 'UA',
    kind: 'bilateral',
    legalForm: 'political-commitment',
    status: [{ status: 'signed', on: `2024-0${(i % 9) + 1}-15` }],
    consultation: { trigger: TRIGGERS[i % TRIGGERS.length] ?? 'armed-attack', ...(WINDOWS[i % WINDOWS.length] as { withinHours: number | null }) },
    countedByUkraine: true,
    classification: 'public',
    sources: [{ title: 'synthetic benchmark data, illustrative' }],
  }));
  return { format: 'compact/1', partners: [{ code: 'UA', name: 'Ukraine' }, ...codes.map((code) => ({ code, name: `Partner ${code}` }))], agreements };
}

export async function crisisBenchmarks(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const pkg = routingPackage(50);
  const validated = validatePackage(pkg);
  if (!validated.ok) throw new Error(`synthetic routing package invalid: ${validated.issues[0]?.message ?? ''}`);
  const input = validated.package;
  const samples: number[] = [];
  let obliged = 0;
  for (let i = 0; i < 201; i++) {
    const start = performance.now();
    obliged = routeEvent({ type: 'armed-attack', occurredAt: '2026-03-01T04:30:00Z', beneficiary: 'UA' }, input).obliged.length;
    samples.push(performance.now() - start);
  }
  rows.push({ name: 'crisis: route an armed attack to 50 agreements (core)', median: median(samples.slice(1)), unit: 'ms', runs: 200, note: `${obliged} consultations` });

  const folder = mkdtempSync(join(tmpdir(), 'compact-crisis-bench-'));
  const store = await openStore(process.env.DATABASE_URL ? { databaseUrl: process.env.DATABASE_URL, pgSchema: `crisis_bench_${Date.now()}` } : { sqlitePath: join(folder, 'bench.sqlite') });
  try {
    await store.importPackage(pkg, SYSTEM_VIEWER);
    const desk = new CrisisDesk(store);
    const coordinator: Viewer = { role: 'coordinator', actor: 'bench' };
    const declare: number[] = [];
    for (let i = 0; i < 21; i++) {
      const start = performance.now();
      await desk.declareEvent({ type: 'armed-attack', occurredAt: '2026-03-01T04:30:00Z', title: `bench ${i}` }, coordinator);
      declare.push(performance.now() - start);
    }
    rows.push({ name: `crisis: declare an event, route and store 50 clocks (${store.backend})`, median: median(declare.slice(1)), unit: 'ms', runs: 20, note: 'reads the registry, one transaction, audited' });
  } finally {
    await store.close();
    rmSync(folder, { recursive: true, force: true });
  }
  return rows;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const row of await crisisBenchmarks()) console.log(`${row.name}: ${row.median.toFixed(2)} ${row.unit} (${row.runs} runs) ${row.note ?? ''}`);
}
