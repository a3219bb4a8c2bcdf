// Synthetic registry data for benchmarks: invented partners and pledges, never mixed with the
// shipped dataset, and labelled as such in every record.
import { seededRandom, type DataPackageInput } from '@compact/core';

const AREAS = ['air-defence', 'artillery', 'drones', 'armour', 'maritime', 'demining'] as const;


export function syntheticPackage(commitments: number, seed = 1): DataPackageInput {
  const next = seededRandom(seed);
  const partnerCodes = Array.from({ length: 26 * 2 }, (_, i) => `Q${String.fromCharCode(65 + (i % 26))}`).slice(0, 26);
  const source = [{ title: 'synthetic benchmark data (illustrative, not a fact)' }];
  return {
    format: 'compact/1',
    title: 'synthetic benchmark package',
    partners: [{ code: 'UA', name: 'Ukraine' }, ...partnerCodes.map((code) => ({ code, name: `Synthetic partner ${code}` }))],
    agreements: partnerCodes.map((code) => ({
      id: `syn-${code}`,
      title: `Synthetic agreement ${code}`,
      parties: [code, 'UA'],
      beneficiary: 'UA',
      kind: 'bilateral' as const,
      legalForm: 'political-commitment' as const,
      status: [{ status: 'signed' as const, on: `2024-0${1 + Math.floor(next() * 9)}-1${Math.floor(next() * 9)}` }],
      sources: source,
    })),
    commitments: Array.from({ length: commitments }, (_, i) => {
      const code = partnerCodes[i % partnerCodes.length] ?? 'QA';
      const roll = next();
      return {
        id: `syn-c-${i}`,
        agreementId: `syn-${code}`,
        provider: code,
        beneficiary: 'UA',
        category: 'equipment' as const,
        capabilityArea: AREAS[i % AREAS.length],
        firmness: 'pledged' as const,
        money: { amount: String(Math.floor(next() * 1e9)), currency: 'EUR' },
        period: { from: '2025-01-01', to: '2025-12-31' },
        classification: roll < 0.8 ? ('public' as const) : roll < 0.9 ? ('restricted' as const) : ('confidential' as const),
        sources: source,
      };
    }),
  };
}
