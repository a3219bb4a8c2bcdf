import { DataPackage } from '@compact/core';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { AWKWARD_TEXT, shippedWithTestFlows } from '../test-flows.js';
import { exportIati } from './export.js';
import { importIati } from './import.js';

const pkg = DataPackage.parse(shippedWithTestFlows());
const plain = (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown;
const byId = (records: ReadonlyArray<{ id?: unknown }>) => [...records].sort((a, b) => String(a.id).localeCompare(String(b.id)));

const xml = exportIati(pkg, { generatedAt: '2025-11-30T00:00:00Z' });
const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', parseTagValue: false, isArray: (name) => ['iati-activity', 'transaction', 'sector'].includes(name) }).parse(xml) as {
  'iati-activities': { version: string; 'iati-activity': Array<Record<string, any>> };
};
const activities = parsed['iati-activities']['iati-activity'];
const transaction = (id: string) => activities.flatMap((a) => a.transaction ?? []).find((t: any) => t.ref === id);
const activityOf = (id: string) => activities.find((a) => (a.transaction ?? []).some((t: any) => t.ref === id))!;

describe('IATI export', () => {
  it('is an IATI 2.03 activity file with the compact extension namespace', () => {
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
    expect(parsed['iati-activities'].version).toBe('2.03');
    expect(xml).toContain('xmlns:compact="urn:compact:iati-extension:1"');
  });

  it('has one activity per commitment with money or flows, and one per unlinked provider and aid type', () => {
    const identifiers = activities.map((a) => a['iati-identifier']);
    expect(identifiers).toContain('GB-COMPACT-gb-ua-2024-1');
    expect(identifiers.filter((id: string) => id.startsWith('US-COMPACT-tracker-'))).toEqual(['US-COMPACT-tracker-military', 'US-COMPACT-tracker-humanitarian']);
    expect(activityOf('test-de-through-eu')['iati-identifier']).toBe('DE-COMPACT-tracker-military');
    const gb = activityOf('test-gb-pledge');
    expect(gb['reporting-org']).toMatchObject({ ref: 'GB', type: '10' });
    expect(gb['recipient-country']).toMatchObject({ code: 'UA', percentage: '100' });
    expect(gb['activity-status']).toMatchObject({ code: '2' });
    expect(gb['activity-date']).toEqual([{ type: '1', 'iso-date': '2024-04-01' }, { type: '3', 'iso-date': '2025-03-31' }]);
    expect(activityOf('test-eu-fund')['reporting-org']).toMatchObject({ ref: 'EU', type: '40' });
    expect(activityOf('test-us-in-kind')['activity-date']).toMatchObject({ type: '2', 'iso-date': '2024-01-01' });
  });

  it('maps stages to transaction types 12, 2 and 3 with date, value, provider and receiver', () => {
    expect(transaction('test-gb-pledge')['transaction-type'].code).toBe('12');
    expect(transaction('test-gb-allocated')['transaction-type'].code).toBe('2');
    expect(transaction('test-gb-delivered')['transaction-type'].code).toBe('3');
    expect(transaction('test-gb-pledge')).toMatchObject({
      'transaction-date': { 'iso-date': '2024-01-12' },
      value: { '#text': '2500000000', currency: 'GBP', 'value-date': '2024-01-12' },
      'provider-org': { ref: 'GB', narrative: 'United Kingdom' },
      'receiver-org': { ref: 'UA', narrative: 'Ukraine' },
    });
    expect(transaction('test-us-in-kind').value).toBeUndefined();
  });

  it('maps capability areas to a vocabulary 99 sector, and to DAC codes only where one clearly applies', () => {
    const sectors = (id: string) => activityOf(id).sector ?? [];
    expect(sectors('test-demining')).toEqual([
      { vocabulary: '99', code: 'demining', percentage: '100', narrative: { 'xml:lang': 'en', '#text': 'demining' } },
      { vocabulary: '1', code: '15250', percentage: '100' },
    ]);
    expect(sectors('test-us-humanitarian').map((s: any) => s.code)).toEqual(['humanitarian', '72010']);
    expect(sectors('test-eu-fund').map((s: any) => s.code)).toEqual(['artillery']);
  });

  it('carries what IATI cannot in the compact extension: parent, restates, new money, precision, quantity, sources, classification', () => {
    expect(transaction('test-de-through-eu')['compact:flow']).toMatchObject({ 'parent-flow-id': 'test-eu-fund', 'new-money': 'false', 'on-precision': 'month', 'external-id': 'kiel:row-42' });
    expect(transaction('test-gb-delivered')['compact:flow']).toMatchObject({ 'restates-flow-id': 'test-gb-allocated' });
    expect(transaction('test-us-in-kind')['compact:flow']).toMatchObject({ 'quantity-value': '31', 'quantity-unit': 'tanks', 'quantity-item': 'M1 Abrams', classification: 'restricted' });
    expect(transaction('test-gb-pledge')['compact:flow']['compact:sources']['compact:source']).toMatchObject({ url: 'https://example.org/a?x=1&y=<2>', title: 'Source, with comma' });
  });

  it('escapes awkward text', () => {
    expect(xml).toContain('&lt;tag&gt; &amp; ampersand');
    expect(xml).toContain('Танки M1 Abrams &lt;доставлено&gt;');
    expect(xml).not.toContain('<tag>');
  });

  it('imports its own export exactly', () => {
    const back = importIati(xml);
    expect(back.warnings).toEqual([]);
    expect(plain(byId(back.flows))).toEqual(plain(byId(pkg.flows)));
    expect(back.flows.find((flow) => flow.id === 'test-gb-allocated')?.description).toBe(AWKWARD_TEXT);
    const again = DataPackage.parse({ ...pkg, flows: back.flows });
    expect(exportIati({ ...again, flows: again.flows }, { generatedAt: '2025-11-30T00:00:00Z' })).toBe(xml);
  });
});

describe('IATI import of other publishers', () => {
  const foreign = `<?xml version="1.0"?>
<iati-activities version="2.03">
  <iati-activity default-currency="EUR">
    <iati-identifier>XM-DAC-5-7-UA-1</iati-identifier>
    <reporting-org ref="DE-GOV-1" type="10"><narrative>Federal Foreign Office</narrative></reporting-org>
    <title><narrative>Support &amp; relief</narrative></title>
    <recipient-country code="UA" percentage="100"/>
    <sector vocabulary="1" code="15250"/>
    <transaction ref="t 1">
      <transaction-type code="2"/><transaction-date iso-date="2024-02-01"/>
      <value value-date="2024-02-01">1500000.50</value>
      <provider-org ref="DE-GOV-1"/><receiver-org><narrative>Ukraine</narrative></receiver-org>
      <finance-type code="110"/>
    </transaction>
    <transaction><transaction-type code="11"/><transaction-date iso-date="2024-01-01"/><value currency="EUR">5</value></transaction>
    <transaction><transaction-type code="3"/><transaction-date iso-date="2024-03-01"/><value currency="USD">-5</value></transaction>
    <transaction ref="ok-3"><transaction-type code="12"/><transaction-date iso-date="2024-03-01"/><value currency="usd">7</value><provider-org ref="ZZ"><narrative>Someone</narrative></provider-org></transaction>
  </iati-activity>
</iati-activities>`;

  it('maps types 2, 3 and 12, value and currency, date, known providers; warns about the rest', () => {
    const result = importIati(foreign, { partners: [{ code: 'DE', name: 'Germany' }, { code: 'UA', name: 'Ukraine' }] });
    expect(result.flows).toEqual([
      {
        id: 'XM-DAC-5-7-UA-1-t1',
        provider: 'DE',
        beneficiary: 'UA',
        capabilityArea: 'demining',
        stage: 'allocated',
        on: '2024-02-01',
        money: { amount: '1500000.50', currency: 'EUR' },
        description: 'Support & relief',
        externalId: 'XM-DAC-5-7-UA-1#t 1',
      },
      expect.objectContaining({ id: 'ok-3', provider: 'DE', stage: 'pledge', money: { amount: '7', currency: 'USD' } }),
    ]);
    expect(result.warnings).toEqual([
      expect.stringMatching(/transaction 2: transaction type 11 \(Incoming Commitment\).*ignored/),
      expect.stringMatching(/transaction 3: value "-5" is not a non-negative decimal amount; skipped/),
      '<finance-type> of 1 transaction has no Compact field; not imported',
    ]);
  });

  it('refuses a file that is not IATI', () => {
    expect(() => importIati('<html/>')).toThrow(/no <iati-activities>/);
  });
});
