import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DataPackage } from '@compact/core';
import { describe, expect, it } from 'vitest';
import { AWKWARD_TEXT, shippedWithTestFlows } from '../test-flows.js';
import { CSV_TABLES, EXTRA_COLUMN } from './columns.js';
import { exportCsv, guardCell, importCsv, readCsv, unguardCell } from './csv.js';

const pkg = DataPackage.parse(shippedWithTestFlows());
const plain = (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown;

describe('CSV per entity', () => {
  const files = exportCsv(pkg);

  it('writes one file per kind, with a header even when empty, no BOM, CRLF line ends', () => {
    expect(Object.keys(files)).toEqual(CSV_TABLES.map((table) => table.file));
    for (const text of Object.values(files)) {
      expect(text.charCodeAt(0)).not.toBe(0xfeff);
      expect(text.endsWith('\r\n')).toBe(true);
    }
    expect(files['clauses.csv']).toBe('id,agreementId,ref,heading,text,topics,classification,confidence,version,sources,extra\r\n');
    expect(readCsv(files['flows.csv']!)).toHaveLength(1 + pkg.flows.length);
  });

  it('flattens nested objects into dotted columns and lists into JSON cells', () => {
    const [header = [], ...rows] = readCsv(files['flows.csv']!);
    const row = (id: string) => Object.fromEntries(header.map((column, i) => [column, rows.find((r) => r[0] === id)![i]]));
    expect(row('test-gb-pledge')).toMatchObject({ 'money.amount': '2500000000', 'money.currency': 'GBP', 'money.qualifier': 'at-least', stage: 'pledge', newMoney: 'true' });
    expect(JSON.parse(row('test-gb-pledge').sources!)).toEqual(pkg.flows[0]!.sources);
    expect(row('test-us-in-kind')).toMatchObject({ 'quantity.value': '31', 'quantity.unit': 'tanks', 'quantity.item': 'M1 Abrams', classification: 'restricted', onPrecision: 'year' });
    expect(row('test-de-through-eu')).toMatchObject({ parentFlowId: 'test-eu-fund', newMoney: 'false', externalId: 'kiel:row-42' });
    expect(row('test-gb-delivered')).toMatchObject({ restatesFlowId: 'test-gb-allocated' });
    const commitments = readCsv(files['commitments.csv']!);
    expect(commitments[0]).toContain('period.from');
    expect(readCsv(files['agreements.csv']!)[0]).toContain('consultation.withinHours');
  });

  it('keeps extra fields, nulls and what a column cannot hold in the extra column', () => {
    const [header = [], ...rows] = readCsv(files['flows.csv']!);
    const extraOf = (id: string) => JSON.parse(rows.find((r) => r[0] === id)![header.indexOf(EXTRA_COLUMN)]!) as unknown;
    expect(extraOf('test-us-humanitarian')).toEqual({
      commitmentId: null,
      parentFlowId: null,
      restatesFlowId: null,
      quantity: null,
      description: '',
      extraField: 'kept',
      nestedExtra: { flag: true, list: [1, 'two', null] },
    });
    expect(extraOf('test-dk-confidential')).toEqual({ money: { note: 'extra inside money' }, quantity: { extraInQuantity: 'x' } });
  });

  it('quotes per RFC 4180 and guards formula cells with an apostrophe, undone on import', () => {
    const text = files['flows.csv']!;
    expect(text).toContain(`"'${AWKWARD_TEXT.replace(/"/g, '""')}"`);
    expect(text).toContain(`,''starts with an apostrophe,`);
    for (const cell of ['=1+2', '+1', '-1', '@x', '\tx', "'x", 'plain', '']) expect(unguardCell(guardCell(cell))).toBe(cell);
    expect(guardCell('=HYPERLINK("x")')).toBe(`'=HYPERLINK("x")`);
    expect(guardCell('2500000000')).toBe('2500000000');
  });

  it('round-trips the shipped dataset plus test flows exactly: records deep-equal, files identical', () => {
    const back = importCsv(files);
    expect(back.warnings).toEqual([]);
    const parsed = DataPackage.parse(back.package);
    expect(plain(parsed)).toEqual(plain(pkg));
    expect(exportCsv(parsed)).toEqual(files);
    const flow = parsed.flows.find((f) => f.id === 'test-gb-allocated')!;
    expect(flow.description).toBe(AWKWARD_TEXT);
  });

  it('reads a spreadsheet-saved file: BOM, LF line ends, columns in another order, unknown files and columns', () => {
    const edited = '\uFEFFname,code,note\nUkraine,UA,hello\n';
    const back = importCsv({ 'partners.csv': edited, 'README.txt': 'x' });
    expect(back.package.partners).toEqual([{ code: 'UA', name: 'Ukraine', note: 'hello' }]);
    expect(back.warnings).toEqual([expect.stringContaining('unknown column "note"'), expect.stringContaining('README.txt')]);
  });

  it('reports bad cells with file, line and column', () => {
    const error = (() => {
      try {
        importCsv({ 'flows.csv': 'id,quantity.value,newMoney,sources\r\nx,many,yes,[oops\r\n' });
      } catch (caught) {
        return caught as { issues: Array<{ path: string }> };
      }
      return undefined;
    })();
    expect(error?.issues.map((issue) => issue.path)).toEqual(['flows.csv:2:quantity.value', 'flows.csv:2:newMoney', 'flows.csv:2:sources']);
  });

  it('documents every column in the README', () => {
    const readme = readFileSync(fileURLToPath(new URL('./README.md', import.meta.url)), 'utf8');
    for (const table of CSV_TABLES) {
      expect(readme).toContain(table.file);
      for (const column of table.columns) expect(readme, `${table.file} ${column.path}`).toContain(`\`${column.path}\``);
    }
  });
});
