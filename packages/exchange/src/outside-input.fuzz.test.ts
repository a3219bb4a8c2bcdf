// Property-based fuzzing of every reader of outside files: Kiel tracker CSV, Compact CSV, IATI
// XML and FTS JSON. Any input gives a result or a clear error (a catalogue error naming where, or
// the Kiel reader's format error) — never a crash with a stack, never a hang.
import { CompactError } from '@compact/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importCsv } from './csv/index.js';
import { importFts } from './fts/index.js';
import { importIati } from './iati/index.js';
import { importKielFile, KielFormatError } from './kiel/index.js';

const PARTNERS = [
  { code: 'DE', name: 'Germany' },
  { code: 'GB', name: 'United Kingdom' },
  { code: 'EU', name: 'European Union' },
];

const KIEL_HEADERS = [
  'donor,aid_type_general,measure,announcement_date,month,tot_sub_activity_value_EUR,source_reported_value,reporting_currency,explanation,item,item_numb_deliv',
  'country,iso,year,month,total,financial,humanitarian,military,commitments,gdp,pct_gdp',
];
const cell = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom('Germany', 'Germany ', 'DEU', 'Commitment', 'Allocation', 'Military ', '0', '-5', '1,5', '1.234,5', '2023-13-40', '2024-02-29', '1e400', 'NaN', '"', '""', '\n', ';'),
);
const kielText = fc.tuple(fc.constantFrom(...KIEL_HEADERS, 'a,b', ''), fc.array(fc.array(cell, { maxLength: 12 }), { maxLength: 15 })).map(
  ([header, rows]) => [header, ...rows.map((row) => row.map((value) => (/[",\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value)).join(','))].join('\n'),
);

function expectClearError(error: unknown): void {
  expect(error instanceof CompactError || error instanceof KielFormatError).toBe(true);
  expect((error as Error).message.length).toBeGreaterThan(0);
}

describe('outside files never crash a reader', () => {
  it('reads any Kiel-like CSV: flows and a report, or a format error naming what is wrong', async () => {
    await fc.assert(
      fc.asyncProperty(kielText, async (text) => {
        try {
          const result = await importKielFile(new TextEncoder().encode(text), { partners: PARTNERS, fileName: 'fuzz.csv' });
          for (const flow of result.flows) expect(['DE', 'GB', 'EU']).toContain(flow.provider);
        } catch (error) {
          expectClearError(error);
        }
      }),
      { numRuns: 300, seed: 5 },
    );
  });

  it('reads any bytes as a Kiel file without crashing (a ZIP header that is no workbook too)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.uint8Array({ maxLength: 200 }), fc.uint8Array({ maxLength: 200 }).map((bytes) => new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...bytes]))), async (bytes) => {
        try {
          await importKielFile(bytes, { partners: PARTNERS, fileName: 'fuzz.bin' });
        } catch (error) {
          expectClearError(error);
        }
      }),
      { numRuns: 200, seed: 6 },
    );
  });

  it('reads any text as Compact CSV, IATI XML or FTS JSON: a result or a located error', () => {
    const text = fc.oneof(
      fc.string({ maxLength: 300 }),
      fc.constantFrom('<iati-activities><iati-activity><transaction/></iati-activity></iati-activities>', '<iati-activities', '{"data":{"flows":[{}]}}', '{"flows":[{"id":1,"originalAmount":-1}]}', 'id,stage\n,,,\n"'),
    );
    fc.assert(
      fc.property(text, fc.constantFrom('flows.csv', 'partners.csv', 'commitments.csv', 'package.csv'), (input, name) => {
        for (const read of [() => importCsv({ [name]: input }), () => importIati(input, { partners: PARTNERS }), () => importFts(safeJson(input), { partners: PARTNERS })]) {
          try {
            read();
          } catch (error) {
            expectClearError(error);
          }
        }
      }),
      { numRuns: 300, seed: 8 },
    );
  });
});

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
