import { readFileSync } from 'node:fs';
import { Flow } from '@compact/core';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { centsToDecimal, numberToDecimal, parseDecimalText, shiftDecimal, toCents } from './decimal.js';
import { capabilityFromItem, DonorMatcher, findTable, importKielFile, KielFormatError, mergeGdp, readKielCsv as readCsv, sniffDelimiter, type KielImport } from './index.js';

const PARTNERS = [
  { code: 'UA', name: 'Ukraine' },
  { code: 'DE', name: 'Germany' },
  { code: 'GB', name: 'United Kingdom' },
  { code: 'FR', name: 'France' },
  { code: 'EU', name: 'European Union' },
  { code: 'US', name: 'United States' },
  { code: 'CZ', name: 'Czechia' },
];
const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`./fixtures/${name}`, import.meta.url)));
const csv = (text: string) => new TextEncoder().encode(text);
const map = (bytes: Uint8Array, fileName = 'test.csv', extra: object = {}) => importKielFile(bytes, { partners: PARTNERS, fileName, ...extra });

function byId(result: KielImport) {
  return new Map(result.flows.map((flow) => [flow.id, flow]));
}
function reasons(result: KielImport) {
  return Object.fromEntries(result.notMapped.map((entry) => [entry.row, entry.reason]));
}

describe('decimals: exact, never through float arithmetic', () => {
  it('reads numbers as files write them', () => {
    expect(parseDecimalText('1,234.5', false)).toBe('1234.5');
    expect(parseDecimalText('1.234,5', true)).toBe('1234.5');
    expect(parseDecimalText('1.000.000.000', true)).toBe('1000000000');
    expect(parseDecimalText('0,25', true)).toBe('0.25');
    expect(parseDecimalText('0,25', false)).toBe('0.25');
    expect(parseDecimalText('1,234', false)).toBe('1234');
    expect(parseDecimalText('1.5E+08', false)).toBe('150000000');
    expect(parseDecimalText(' 12 000 ', false)).toBe('12000');
    expect(parseDecimalText('€ 5', false)).toBe('5');
    expect(parseDecimalText('-0.5', false)).toBe('-0.5');
    expect(parseDecimalText('abc', false)).toBeNull();
    expect(parseDecimalText('1,2,3', true)).toBeNull();
  });

  it('takes a spreadsheet float by its shortest text and shifts units by the decimal point', () => {
    expect(numberToDecimal(0.1 + 0.2)).toBe('0.30000000000000004');
    expect(numberToDecimal(1e21)).toBe('1000000000000000000000');
    expect(numberToDecimal(1.5e-7)).toBe('0.00000015');
    expect(shiftDecimal('0.123456789', 9)).toBe('123456789');
    expect(shiftDecimal('4121.2', 9)).toBe('4121200000000');
    expect(shiftDecimal('5', -9)).toBe('0.000000005');
  });

  it('rounds to cents half to even', () => {
    expect(toCents('300000000.00000004')).toBe(30000000000n);
    expect(toCents('0.125')).toBe(12n);
    expect(toCents('0.135')).toBe(14n);
    expect(toCents('0.1251')).toBe(13n);
    expect(centsToDecimal(1500000050n)).toBe('15000000.5');
  });
});

describe('donors', () => {
  const donors = new DonorMatcher(PARTNERS);
  it('match by alpha-3 or alpha-2 code and by the names the tracker uses', () => {
    expect(donors.match('', 'DEU')).toEqual({ partner: 'DE' });
    expect(donors.match('', 'gb')).toEqual({ partner: 'GB' });
    for (const name of ['EU (Commission and Council)', 'EU Institutions', 'European Union', ' european  union ']) expect(donors.match(name, '').partner).toBe('EU');
    for (const name of ['UK', 'United Kingdom ']) expect(donors.match(name, '').partner).toBe('GB');
    for (const name of ['USA', 'United States']) expect(donors.match(name, '').partner).toBe('US');
    expect(donors.match('Czech Republic', '').partner).toBe('CZ');
  });
  it('never invent a partner: known countries outside the registry and unknown names are reported', () => {
    expect(donors.match('Türkiye', '')).toEqual({ code: 'TR', reason: 'donor "Türkiye" (TR) is not a partner in the registry' });
    expect(donors.match('Turkey', 'TUR').partner).toBeUndefined();
    expect(donors.match('South Korea', '')).toMatchObject({ code: 'KR' });
    expect(donors.match('Atlantis', '')).toEqual({ reason: 'donor "Atlantis" is not known' });
  });
  it('prefer the code when name and code disagree, and say so', () => {
    expect(donors.match('France', 'DEU')).toEqual({ partner: 'DE', conflict: 'donor "France" is FR by name but DEU by code; the code was used' });
  });
});

describe('capability areas from items', () => {
  it('assign an area only when exactly one matches', () => {
    expect(capabilityFromItem('Leopard 2A6')).toBe('armour');
    expect(capabilityFromItem('155mm ammunition')).toBe('artillery');
    expect(capabilityFromItem('IRIS-T SLM')).toBe('air-defence');
    expect(capabilityFromItem('Bayraktar TB2')).toBe('drones');
    expect(capabilityFromItem('F-16')).toBe('air-force');
    expect(capabilityFromItem('Demining equipment')).toBe('demining');
    expect(capabilityFromItem('IRIS-T and Leopard tanks')).toBeNull();
    expect(capabilityFromItem('Helmets')).toBeNull();
  });
});

describe('layouts', () => {
  it('sniff the separator', () => {
    expect(sniffDelimiter('a;b;"c,d"\n1;2;3')).toBe(';');
    expect(sniffDelimiter('\ufeffa,b,c\n')).toBe(',');
    expect(sniffDelimiter('a\tb\tc')).toBe('\t');
  });
  it('number rows as a spreadsheet shows lines, also after quoted line breaks and blank lines', () => {
    const file = readCsv('donor,explanation\nGermany,"two\nlines"\n\nFrance,x\r\nItaly,y\n');
    expect(file.sheets[0]?.rows.filter((row) => row.cells.some((cell) => cell !== '')).map((row) => row.row)).toEqual([1, 2, 5, 6]);
  });
  it('recognise headers case-insensitively with extra columns, and name missing columns', () => {
    const table = findTable(readCsv('Extra, COUNTRY ,ISO,Year,Month,Financial,Humanitarian,Military\nx,Germany,DEU,2023,1,1,0,0\n'));
    expect(table.layout).toBe('country-month');
    expect(table.columns.get('country')).toBe(1);
    expect(() => findTable(readCsv('donor,measure,aid_type_general\n'))).toThrow(/main data sheet but lacks the columns tot_sub_activity_value_eur, announcement_date or month/);
    expect(() => findTable(readCsv('a,b\n1,2\n'))).toThrow(KielFormatError);
  });
  it('refuse the old binary Excel format with advice', async () => {
    await expect(map(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0, 0]), 'data.xls')).rejects.toThrow(/save it as \.xlsx or \.csv/);
  });
});

describe('country-by-month export (CSV fixture with dirty rows)', async () => {
  const result = await map(fixture('country-month.csv'), 'country-month.csv');
  const flows = byId(result);

  it('maps each non-zero aid type to an allocation and commitments to a pledge, in exact euros', () => {
    expect(result.layout).toBe('country-month');
    expect(flows.get('kiel:country-month:DE:2023-05:military:allocated')).toMatchObject({
      provider: 'DE', beneficiary: 'UA', aidType: 'military', stage: 'allocated', on: '2023-05-01', onPrecision: 'month',
      money: { amount: '750000000', currency: 'EUR' }, externalId: 'country-month.csv#2', classification: 'public',
      sources: [{ title: 'Kiel Institute Ukraine Support Tracker', publisher: 'Kiel Institute for the World Economy', url: 'https://www.ifw-kiel.de/topics/war-against-ukraine/ukraine-support-tracker/', note: 'file country-month.csv, row 2' }],
    });
    expect(flows.get('kiel:country-month:DE:2023-05:financial:allocated')?.money?.amount).toBe('500000000');
    expect(flows.get('kiel:country-month:DE:2023-05:humanitarian:allocated')?.money?.amount).toBe('250000000');
    expect(flows.get('kiel:country-month:DE:2023-05:pledge')).toMatchObject({ stage: 'pledge', money: { amount: '2000000000' } });
    expect(flows.get('kiel:country-month:DE:2023-05:pledge')?.aidType).toBeUndefined();
    expect(flows.get('kiel:country-month:EU:2023-06:financial:allocated')).toBeDefined();
    expect(flows.get('kiel:country-month:GB:2023-07:military:allocated')).toBeDefined();
    // Zero cells give no flow; `total` is never a flow.
    expect(flows.has('kiel:country-month:EU:2023-06:military:allocated')).toBe(false);
    expect([...flows.keys()].some((id) => id.includes('total'))).toBe(false);
  });

  it('reads month 0 and an empty month as the year', () => {
    expect(flows.get('kiel:country-month:DE:2023-00:military:allocated')).toMatchObject({ on: '2023-01-01', onPrecision: 'year', money: { amount: '300000000' } });
    expect(flows.get('kiel:country-month:CZ:2024-00:pledge')).toMatchObject({ on: '2024-01-01', onPrecision: 'year', money: { amount: '100000000' } });
  });

  it('reports every row it leaves out, and why', () => {
    expect(reasons(result)).toEqual({
      4: 'duplicate of row 2',
      7: 'donor "Atlantis" ATL is not known',
      8: 'donor "Switzerland" CHE (CH) is not a partner in the registry',
      9: 'month "13" is not 0–12',
      11: 'financial "abc" is not a number',
    });
    expect(result.summary).toMatchObject({ rows: 13, mapped: 7, empty: 1, notMapped: 5, duplicates: 1 });
    expect(result.summary.unmatchedDonors).toEqual([
      { donor: 'Atlantis', reason: 'donor "Atlantis" ATL is not known', rows: 1, firstRows: [7], eur: '1000000000' },
      { donor: 'Switzerland', code: 'CH', reason: 'donor "Switzerland" CHE (CH) is not a partner in the registry', rows: 1, firstRows: [8], eur: '100000000' },
    ]);
  });

  it('checks total against the three aid types and keeps one GDP figure per partner and year', () => {
    expect(result.warnings).toEqual([
      { row: 6, message: 'total 2 differs from military + financial + humanitarian = 1.5 (EUR bn); total is not imported' },
      { row: 13, message: 'GDP of FR for 2024 is 2950000000000 EUR here but 2900000000000 EUR in row 12; row 12\'s figure was kept' },
    ]);
    expect(result.gdp.map((entry) => [entry.partner, entry.figure.year, entry.figure.money.amount])).toEqual([
      ['DE', 2023, '4121200000000'],
      ['GB', 2023, '3000000000000'],
      ['FR', 2024, '2900000000000'],
    ]);
  });

  it('totals each stage separately and gives flows the data package accepts', () => {
    expect(result.summary.byStage).toEqual({ pledge: { flows: 2, eur: '2100000000' }, allocated: { flows: 10, eur: '4650000000' } });
    for (const flow of result.flows) expect(Flow.safeParse(flow).success).toBe(true);
  });
});

describe('main data sheet (semicolon CSV fixture with dirty rows)', async () => {
  const result = await map(fixture('main.csv'), 'main.csv');
  const flowsByRow = new Map(result.flows.map((flow) => [Number(flow.externalId.split('#')[1]), flow]));

  it('maps Commitment to a pledge and Allocation to an allocation, trimming categories', () => {
    expect(result.layout).toBe('main');
    expect(flowsByRow.get(2)).toMatchObject({
      provider: 'DE', aidType: 'military', stage: 'pledge', on: '2023-01-25', onPrecision: 'day', capabilityArea: 'armour',
      money: { amount: '1000000000', currency: 'EUR' }, quantity: { value: 14, item: 'Leopard 2A6' }, description: 'Leopard 2 tanks',
      reported: { amount: '1000000000', currency: 'EUR' },
    });
    expect(flowsByRow.get(2)?.id).toMatch(/^kiel:main:DE:[0-9a-f]{16}$/);
    expect(flowsByRow.get(14)).toMatchObject({ provider: 'CZ', aidType: 'financial', stage: 'allocated', on: '2024-02-10', description: 'Macro-financial; aid', money: { amount: '250000' } });
    expect(flowsByRow.get(14)?.capabilityArea).toBeUndefined();
  });

  it('reads decimal commas, exponents, month-only dates and reported currencies', () => {
    expect(flowsByRow.get(5)).toMatchObject({ provider: 'GB', aidType: 'humanitarian', on: '2023-04-01', onPrecision: 'month', money: { amount: '15000000.5' }, reported: { amount: '13000000', currency: 'GBP' } });
    expect(flowsByRow.get(13)).toMatchObject({ provider: 'US', money: { amount: '150000000' }, reported: { amount: '160000000', currency: 'USD' } });
  });

  it('takes a quantity without money, and falls back to the month when the day is impossible', () => {
    expect(flowsByRow.get(12)).toMatchObject({ provider: 'FR', on: '2023-02-01', onPrecision: 'month', quantity: { value: 6, item: 'CAESAR' }, capabilityArea: 'artillery' });
    expect(flowsByRow.get(12)?.money).toBeUndefined();
    expect(result.warnings).toEqual([{ row: 12, message: 'announcement_date "2023-02-30" is not a date; the month was used' }]);
  });

  it('reports unknown measures, aid types, donors, missing dates, bad numbers, empty values and duplicates', () => {
    expect(reasons(result)).toEqual({
      4: 'duplicate of row 3',
      6: 'measure "Pledge" is neither Commitment nor Allocation',
      7: 'aid_type_general "Cyber" is not Military, Financial or Humanitarian',
      8: 'donor "Atlantis" is not known',
      9: 'no date',
      10: 'tot_sub_activity_value_EUR "abc" is not a number',
      11: 'no value and no quantity',
    });
    expect(result.notMapped.find((entry) => entry.row === 6)?.donor).toBe('UK');
    expect(result.notMapped.find((entry) => entry.row === 4)?.duplicateOf).toBe(3);
    expect(result.summary).toMatchObject({ rows: 15, mapped: 8, notMapped: 7, duplicates: 1, flows: 8 });
  });

  it('links an allocation to the commitment it carries out and never adds the two', () => {
    const [pledgeJanuary, pledgeMay] = [flowsByRow.get(2), flowsByRow.get(16)];
    expect(flowsByRow.get(3)?.restatesFlowId).toBe(pledgeJanuary?.id);
    // Two commitments of the same description: the latest announced before the allocation.
    expect(flowsByRow.get(15)?.restatesFlowId).toBe(pledgeMay?.id);
    expect(result.summary.restating).toBe(2);
    expect(result.summary.byStage).toEqual({ pledge: { flows: 4, eur: '1465000000.5' }, allocated: { flows: 4, eur: '700250000' } });
    for (const flow of result.flows) expect(Flow.safeParse(flow).success).toBe(true);
  });

  it('gives the same ids on a re-import, whatever the row order', async () => {
    const lines = new TextDecoder().decode(fixture('main.csv')).trimEnd().split('\n');
    const shuffled = [lines[0], ...lines.slice(1).reverse()].join('\n');
    const again = await map(csv(shuffled), 'main.csv');
    expect(new Set(again.flows.map((flow) => flow.id))).toEqual(new Set(result.flows.map((flow) => flow.id)));
    expect((await map(fixture('main.csv'), 'main.csv')).flows).toEqual(result.flows);
  });
});

describe('main data sheet: options and columns', () => {
  const header = 'donor,aid_type_general,measure,announcement_date,tot_sub_activity_value_EUR,explanation,ID\n';
  it('reads the value in millions when told', async () => {
    const result = await map(csv(`${header}Germany,Financial,Commitment,2024-01-01,2.5,Loan,\n`), 'm.csv', { activityUnit: 'million' });
    expect(result.flows[0]?.money?.amount).toBe('2500000');
  });
  it('links by the activity id when the file has one, whatever the descriptions say', async () => {
    const result = await map(csv(`${header}Germany,Military,Commitment,2024-01-01,100,Package 7,A-1\nGermany,Military,Allocation,2024-02-01,60,First tranche,A-1\nGermany,Military,Allocation,2024-02-01,40,Package 7,B-2\n`));
    const [pledge, byId, byText] = result.flows;
    expect(byId?.restatesFlowId).toBe(pledge?.id);
    expect(byText?.restatesFlowId).toBeUndefined();
  });
  it('tells apart rows alike but for their value, and keeps their ids stable', async () => {
    const rows = `${header}Germany,Military,Allocation,2024-02-01,60,Tranche,\nGermany,Military,Allocation,2024-02-01,40,Tranche,\n`;
    const result = await map(csv(rows));
    expect(result.flows).toHaveLength(2);
    expect(result.flows[1]?.id).toBe(`${result.flows[0]?.id}-2`);
  });
});

describe('XLSX workbooks', () => {
  async function workbook(build: (book: ExcelJS.Workbook) => void): Promise<Uint8Array> {
    const book = new ExcelJS.Workbook();
    build(book);
    return new Uint8Array(await book.xlsx.writeBuffer());
  }

  it('finds the main sheet below a title block and reads dates, rich text, formulas and floats', async () => {
    const bytes = await workbook((book) => {
      book.addWorksheet('Read me').addRow(['Ukraine Support Tracker', 'release 29']);
      const sheet = book.addWorksheet('Bilateral Assistance, MAIN DATA');
      sheet.addRow(['Kiel Institute Ukraine Support Tracker']);
      sheet.addRow([]);
      sheet.addRow(['ID', 'donor', 'aid_type_general', 'measure', 'announcement_date', 'month', 'tot_sub_activity_value_EUR', 'source_reported_value', 'reporting_currency', 'explanation', 'item', 'item_numb_deliv']);
      sheet.addRow(['X1', { richText: [{ text: 'Ger' }, { font: { bold: true }, text: 'many' }] }, 'Military ', 'Commitment', new Date(Date.UTC(2023, 0, 25)), null, { formula: '1000*1000', result: 1000000 }, 1000000, 'EUR', 'IRIS-T', 'IRIS-T SLM', 2]);
      sheet.addRow(['X1', 'Germany', 'Military', 'Allocation', 45000, null, 1234567.8900000001, null, null, 'IRIS-T', 'IRIS-T SLM', 1]);
      sheet.addRow(['X2', 'United Kingdom', 'Financial', 'Commitment', null, '2024-03', 5e8, null, null, 'Loan', null, null]);
    });
    const result = await map(bytes, 'tracker.xlsx');
    expect(result).toMatchObject({ layout: 'main', sheet: 'Bilateral Assistance, MAIN DATA', headerRow: 3 });
    expect(result.notMapped).toEqual([]);
    const [pledge, allocation, loan] = result.flows;
    expect(pledge).toMatchObject({ provider: 'DE', on: '2023-01-25', money: { amount: '1000000' }, capabilityArea: 'air-defence', quantity: { value: 2, item: 'IRIS-T SLM' }, externalId: 'Bilateral Assistance, MAIN DATA#4' });
    expect(pledge?.sources[0]?.note).toBe('file tracker.xlsx, sheet "Bilateral Assistance, MAIN DATA", row 4');
    // 45000 is Excel's serial day for 2023-03-15.
    expect(allocation).toMatchObject({ on: '2023-03-15', onPrecision: 'day', money: { amount: '1234567.89' }, restatesFlowId: pledge?.id });
    expect(loan).toMatchObject({ provider: 'GB', on: '2024-03-01', onPrecision: 'month', money: { amount: '500000000' } });
  });

  it('reads the country-by-month layout with float cells exactly', async () => {
    const bytes = await workbook((book) => {
      const sheet = book.addWorksheet('Country Summary');
      sheet.addRow(['country', 'iso', 'year', 'month', 'total', 'financial', 'humanitarian', 'military', 'commitments', 'gdp', 'pct_gdp']);
      sheet.addRow(['Germany', 'DEU', 2023, 0, 0.3, 0.1, null, 0.2, null, 4121.2, 0.007]);
      sheet.addRow(['Germany', 'DEU', 2023, 1, 0.30000000000000004, 0.1, 0, 0.2, 0, 4121.2, 0.007]);
    });
    const result = await map(bytes, 'country.xlsx');
    expect(result.flows.map((flow) => [flow.id, flow.money?.amount])).toEqual([
      ['kiel:country-month:DE:2023-00:military:allocated', '200000000'],
      ['kiel:country-month:DE:2023-00:financial:allocated', '100000000'],
      ['kiel:country-month:DE:2023-01:military:allocated', '200000000'],
      ['kiel:country-month:DE:2023-01:financial:allocated', '100000000'],
    ]);
    expect(result.warnings).toEqual([]);
    expect(result.gdp).toHaveLength(1);
  });

  it('names the missing columns of a sheet that looks like the tracker', async () => {
    const bytes = await workbook((book) => book.addWorksheet('Data').addRow(['donor', 'measure', 'aid_type_general', 'month']));
    await expect(map(bytes, 'bad.xlsx')).rejects.toThrow('the header at sheet "Data", row 1 looks like the tracker\'s main data sheet but lacks the column tot_sub_activity_value_eur');
  });
});

describe('GDP merge', () => {
  const kiel = { title: 'Kiel Institute Ukraine Support Tracker' };
  it('replaces the tracker\'s earlier figure, adds new years, keeps figures from other sources', () => {
    const existing = [
      { year: 2022, money: { amount: '1', currency: 'EUR' }, sources: [kiel] },
      { year: 2023, money: { amount: '2', currency: 'EUR' }, sources: [{ title: 'IMF WEO' }] },
    ];
    const incoming = [2022, 2023, 2024].map((year) => ({ year, money: { amount: String(year), currency: 'EUR' }, sources: [kiel] }));
    const merged = mergeGdp(existing, incoming);
    expect(merged.gdp.map((figure) => [figure.year, figure.money.amount])).toEqual([[2022, '2022'], [2023, '2'], [2024, '2024']]);
    expect(merged).toMatchObject({ added: 1, replaced: 1, kept: [{ year: 2023, source: 'IMF WEO' }] });
  });
});
