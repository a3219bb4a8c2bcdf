import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { SYSTEM_VIEWER, analyseAgreementText, compareAgreements, directOwner } from '@compact/core';
import { readDocument } from '@compact/ingest';
import { AgreementTexts } from '@compact/store';
import type { Command } from 'commander';
import type { DatabaseFlags } from '../config.js';
import { textTable } from '../format/text-table.js';
import { withStore } from '../with-store.js';

const OPERATOR = { ...SYSTEM_VIEWER, actor: 'cli' };

function shorten(text: string, length: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > length ? `${flat.slice(0, length - 1)}…` : flat;
}

/** `compact text import` and `compact text compare`: agreement texts at the command line. */
export function registerTextCommands(program: Command, databaseFlags: () => DatabaseFlags): void {
  const text = program.command('text').description("agreements' own words: import a text, compare two agreements");

  text
    .command('import')
    .description('split a .txt, .md, .pdf or .docx agreement into clauses, classify them and queue proposed commitments for review')
    .argument('<file>', 'the agreement text')
    .requiredOption('--agreement <id>', 'the agreement the text belongs to')
    .option('--format <format>', 'table or json', 'table')
    .action(async (file: string, flags: { agreement: string; format: string }) => {
      if (!['table', 'json'].includes(flags.format)) throw new Error(`--format must be table or json, not "${flags.format}"`);
      let bytes: Uint8Array;
      try {
        bytes = new Uint8Array(readFileSync(file));
      } catch (error) {
        throw new Error(`cannot read ${file}: ${(error as Error).message}`);
      }
      const read = await readDocument(bytes, basename(file));
      const result = await withStore(databaseFlags(), async (store) => {
        const agreement = await store.get('agreements', flags.agreement, OPERATOR);
        const analysed = analyseAgreementText(read.text, {
          agreementId: agreement.id,
          provider: directOwner('agreements', agreement) ?? agreement.parties[0] ?? agreement.beneficiary,
          beneficiary: agreement.beneficiary,
        });
        const stored = await new AgreementTexts(store).importText(
          { agreementId: agreement.id, filename: basename(file), format: read.format, sha256: read.sha256, bytes: read.bytes, pages: read.pages, original: bytes, analysed },
          OPERATOR,
        );
        return { ...stored, clauses: analysed.clauses, warnings: analysed.warnings, removedLines: analysed.removedLines };
      });
      if (flags.format === 'json') {
        process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
        return;
      }
      console.log(`${file}: ${result.clauses.length} clauses, ${result.proposals.length} proposals waiting for review (document ${result.document.id})`);
      console.log(textTable(['ref', 'topics', 'text'], result.clauses.map((clause) => [clause.ref, clause.topics.join(', '), shorten(clause.text, 70)])));
      for (const warning of result.warnings) console.error(`warning: ${warning}`);
    });

  text
    .command('compare')
    .description('align two agreements clause by clause and show where their figures differ')
    .argument('<a>', 'first agreement id')
    .argument('<b>', 'second agreement id')
    .option('--format <format>', 'table or json', 'table')
    .action(async (a: string, b: string, flags: { format: string }) => {
      const comparison = await withStore(databaseFlags(), async (store) => {
        const load = async (id: string) => ({ id: (await store.get('agreements', id, OPERATOR)).id, clauses: await store.list('clauses', OPERATOR, { agreementId: id }) });
        const [left, right] = [await load(a), await load(b)];
        if (left.clauses.length === 0 || right.clauses.length === 0) {
          throw new Error(`import the texts first: ${[left, right].filter((side) => side.clauses.length === 0).map((side) => side.id).join(' and ')} has no clauses`);
        }
        return { result: compareAgreements(left, right), left, right };
      });
      if (flags.format === 'json') {
        process.stdout.write(`${JSON.stringify(comparison.result, null, 2)}\n`);
        return;
      }
      const textOf = (clauses: typeof comparison.left.clauses, ref: string) => shorten(clauses.find((clause) => clause.ref === ref)?.text ?? '', 45);
      console.log(
        textTable(
          [a, '', b, 'similarity', 'differing figures'],
          comparison.result.pairs.map((pair) => [
            `${pair.aRef} ${textOf(comparison.left.clauses, pair.aRef)}`,
            '↔',
            `${pair.bRef} ${textOf(comparison.right.clauses, pair.bRef)}`,
            pair.similarity.toFixed(2),
            pair.differences.map((difference) => `${difference.kind}: ${difference.a.map((e) => e.text).join('/') || '—'} vs ${difference.b.map((e) => e.text).join('/') || '—'}`).join('; '),
          ]),
        ),
      );
      if (comparison.result.onlyInA.length) console.log(`only in ${a}: ${comparison.result.onlyInA.join(', ')}`);
      if (comparison.result.onlyInB.length) console.log(`only in ${b}: ${comparison.result.onlyInB.join(', ')}`);
    });
}
