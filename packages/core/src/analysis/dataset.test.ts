// The engine on the shipped dataset. The dataset grows (illustrative requirements, more pledges),
// so these tests check what follows from its sourced facts, not counts that may change.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isActiveAsOf } from '../registry/valid-time.js';
import { DataPackage } from '../schema/package.js';
import { analyze, createAnalysis } from './engine.js';

const shipped = DataPackage.parse(JSON.parse(readFileSync(fileURLToPath(new URL('../../../../data/compact.json', import.meta.url)), 'utf8')));
const asOf = shipped.asOf ?? '2025-11-30';

describe('analysis of the shipped dataset', () => {
  const result = analyze(shipped, { asOf, natoAccession: '2030-01-01' });
  const codes = (code: string) => result.findings.filter((finding) => finding.code === code);

  it('runs, in euros, with sorted findings in both languages', () => {
    expect(result.currency).toBe('EUR');
    expect(result.coverage.length).toBeGreaterThan(0);
    expect(result.findings.length).toBeGreaterThan(0);
    for (const finding of result.findings) expect(finding.messageUk).toMatch(/[а-яіїєґ]/);
  });

  it('finds NO_CONSULTATION for each signed agreement without a consultation clause', () => {
    const without = shipped.agreements
      .filter((agreement) => isActiveAsOf(agreement, asOf) && !agreement.consultation)
      .filter((agreement) => !shipped.clauses.some((clause) => clause.agreementId === agreement.id && clause.topics.some((t) => /consultation/i.test(t))))
      .map((agreement) => agreement.id)
      .sort();
    expect(without.length).toBeGreaterThan(0);
    expect(codes('NO_CONSULTATION').map((finding) => finding.subject.agreementId).sort()).toEqual(without);
    expect(codes('NO_CONSULTATION').map((finding) => finding.subject.agreementId)).not.toContain('gb-ua-2024');
  });

  it('counts the drone part of the UK’s pledge once (DOUBLE_COUNT gb-ua-2024-2 → gb-ua-2024-1)', () => {
    expect(codes('DOUBLE_COUNT').find((finding) => finding.subject.commitment === 'gb-ua-2024-2')).toMatchObject({
      severity: 'info',
      subject: { countsAs: 'gb-ua-2024-1', partner: 'GB' },
    });
    // GB's money in 2024 across its rows equals the GBP 2.5bn spread, not 2.5bn + 200m.
    const gbp2024 = result.coverage
      .filter((row) => row.year === 2024 && row.measure === 'money')
      .flatMap((row) => row.providers.filter((provider) => provider.partner === 'GB'))
      .reduce((sum, provider) => sum + Number(provider.amount), 0);
    const alone = analyze({ ...shipped, commitments: shipped.commitments.filter((c) => c.id === 'gb-ua-2024-1') }, { asOf });
    const gbpAlone = alone.coverage.filter((row) => row.year === 2024).reduce((sum, row) => sum + Number(row.committed), 0);
    expect(Math.abs(gbp2024 - gbpAlone)).toBeLessThan(0.02);
  });

  it('does not convert shares of GDP into money', () => {
    const shares = shipped.commitments.filter((c) => c.shareOfGdp && isActiveAsOf(shipped.agreements.find((a) => a.id === c.agreementId) ?? { status: [] }, asOf));
    expect(codes('GDP_SHARE_NOT_COUNTED').map((finding) => finding.subject.commitment).sort()).toEqual(shares.map((c) => c.id).sort());
  });

  it('lists differing consultation windows once for Ukraine', () => {
    expect(codes('CONSULTATION_MISMATCH').map((finding) => finding.subject.beneficiary)).toEqual(['UA']);
  });

  it('is the same when built up incrementally', () => {
    const analysis = createAnalysis({ ...shipped, commitments: [] }, { asOf, natoAccession: '2030-01-01' });
    for (const commitment of shipped.commitments) analysis.addCommitment(commitment);
    expect(JSON.stringify(analysis.result())).toBe(JSON.stringify(result));
  });
});
