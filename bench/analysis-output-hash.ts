// `npx tsx bench/analysis-output-hash.ts [ROOT]`: a SHA-256 of the full JSON output of `analyze` (and
// of the editable engine and `coverageContributions`) on the synthetic packages at every scale and
// the shipped dataset, under several options. A performance change must leave every line as it
// was: run it on the tree before the change (ROOT, default this one) and after, and compare.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as CoreModule from '@compact/core';
import { ANALYSIS_SCALES, analysisPackage, syntheticAsOf } from './analysis-synthetic.js';

type Core = typeof CoreModule;

const root = resolve(process.argv[2] ?? new URL('..', import.meta.url).pathname);
const core = (await import(pathToFileURL(resolve(root, 'packages/core/src/index.ts')).href)) as Core;
const shipped = core.DataPackage.parse(JSON.parse(readFileSync(resolve(root, 'data/compact.json'), 'utf8')));

const hash = (value: unknown) => createHash('sha256').update(JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v))).digest('hex').slice(0, 16);

const cases: [string, Parameters<Core['analyze']>[0], Parameters<Core['analyze']>[1]][] = [];
for (const scale of Object.values(ANALYSIS_SCALES)) {
  const pkg = analysisPackage(scale);
  const asOf = syntheticAsOf(scale);
  cases.push([`${scale.name}`, pkg, { asOf }]);
  cases.push([`${scale.name}, NATO accession`, pkg, { asOf, natoAccession: `${asOf.slice(0, 4)}-09-15` }]);
  cases.push([`${scale.name}, USD`, pkg, { asOf, currency: 'USD' }]);
  cases.push([`${scale.name}, JPY, early`, pkg, { asOf: '2023-03-01', currency: 'JPY' }]);
}
for (const asOf of ['2024-02-20', '2025-11-30']) {
  cases.push([`shipped ${asOf}`, shipped, { asOf }]);
  cases.push([`shipped ${asOf}, NATO accession`, shipped, { asOf, natoAccession: '2027-01-01' }]);
  cases.push([`shipped ${asOf}, USD`, shipped, { asOf, currency: 'USD' }]);
}

for (const [name, input, options] of cases) {
  const oneShot = hash(core.analyze(input, options));
  const editable = hash(core.createAnalysis(input, options).result());
  const contributions = hash(core.coverageContributions(input, options));
  console.log(`${name.padEnd(36)} analyze ${oneShot}  createAnalysis ${editable}  contributions ${contributions}`);
}
