// Builds data/compact.json from the sourced facts:
//   npx tsx data/build/build-dataset.ts [--facts PATH] [--fx PATH]
// The facts live outside the repository (../shared/data), so the generated file is committed and
// is what ships; CI validates and tests that file, not the facts.

import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { validatePackage } from '../../packages/core/src/index.js';
import { buildPackage, serializePackage } from './dataset-builder.js';
import type { Facts, FxFacts } from './facts.js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const defaultFacts = resolve(repoRoot, '..', 'shared', 'data', 'security-guarantees-facts.json');
const outputPath = join(repoRoot, 'data', 'compact.json');

function readJson<T>(path: string): T {
  // The facts are hand-written JSON; their shape is checked key by key in buildPackage.
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}

function main(): void {
  const { values } = parseArgs({ options: { facts: { type: 'string' }, fx: { type: 'string' } } });
  const factsPath = values.facts ? resolve(values.facts) : defaultFacts;
  // The exchange rates are compiled alongside the facts, so by default they sit beside them.
  const fxPath = values.fx ? resolve(values.fx) : join(dirname(factsPath), 'fx-rates.json');

  const text = serializePackage(buildPackage(readJson<Facts>(factsPath), readJson<FxFacts>(fxPath)));
  // Validate the serialized text, not the object: what ships is the file.
  const result = validatePackage(JSON.parse(text));
  if (!result.ok) {
    for (const issue of result.issues) console.error(`${issue.path}: ${issue.message} [${issue.code}]`);
    throw new Error(`the built package is invalid (${result.issues.length} issue(s)); nothing written`);
  }
  writeFileSync(outputPath, text);
  const pkg = result.package;
  console.log(
    `wrote ${outputPath}: ${pkg.partners.length} partners, ${pkg.agreements.length} agreements, ` +
      `${pkg.commitments.length} commitments, ${pkg.coalitions.length} coalitions, ` +
      `${pkg.requirements.length} illustrative requirements, ` +
      `${pkg.peaceFormula.length} peace-formula points, ${pkg.meetings.length} meetings, ` +
      `${pkg.exchangeRates.length} exchange rates`,
  );
}

main();
