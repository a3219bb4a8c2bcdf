// Small hand-made fixtures for the analysis tests. Everything here is fictional: partners use
// codes from ISO 3166's user-assigned range (XA–XZ), ids start with "test-", amounts are made up.
import { DataPackage, type DataPackageInput } from '../schema/package.js';
import { analyze } from './engine.js';
import type { AnalysisOptions, AnalysisResult, CoverageRow, Finding, FindingCode } from './types.js';

export const AS_OF = '2025-06-30';
/** The beneficiary of every fixture. */
export const B = 'XZ';
export const SOURCE = [{ title: 'test fixture (fictional)' }];

type Arrays = 'partners' | 'agreements' | 'clauses' | 'commitments' | 'coalitions' | 'requirements' | 'flows' | 'exchangeRates';
type In<K extends Arrays> = NonNullable<DataPackageInput[K]>[number];
export type AgreementIn = In<'agreements'>;
export type CommitmentIn = In<'commitments'>;
export type RequirementIn = In<'requirements'>;
export type CoalitionIn = In<'coalitions'>;
export type FlowIn = In<'flows'>;

export function partners(...codes: string[]): In<'partners'>[] {
  return codes.map((code) => ({ code, name: `Testland ${code}`, nameUk: `Тестланд ${code}` }));
}

/** A bilateral agreement of `partner` with XZ, signed 2024-01-01, ending 2033-12-31, 24-hour consultation. */
export function agreement(id: string, partner: string, extra: Partial<AgreementIn> = {}): AgreementIn {
  return {
    id,
    title: `Test agreement ${id}`,
    parties: [partner, B],
    beneficiary: B,
    kind: 'bilateral',
    legalForm: 'political-commitment',
    status: [{ status: 'signed', on: '2024-01-01' }],
    endsOn: '2033-12-31',
    consultation: { trigger: 'armed-attack', withinHours: 24 },
    sources: SOURCE,
    ...extra,
  };
}

/** A pledged commitment of EUR `amount` for air defence in 2025 under `agreementId`. */
export function commitment(id: string, provider: string, agreementId: string | null, extra: Partial<CommitmentIn> = {}): CommitmentIn {
  return {
    id,
    agreementId,
    provider,
    beneficiary: B,
    category: 'equipment',
    capabilityArea: 'air-defence',
    money: { amount: '100', currency: 'EUR' },
    period: { from: '2025-01-01', to: '2025-12-31' },
    firmness: 'pledged',
    sources: SOURCE,
    ...extra,
  };
}

/** A requirement of EUR `amount` for `area` over one calendar year. */
export function requirement(id: string, area: RequirementIn['capabilityArea'], year: number, amount: string, extra: Partial<RequirementIn> = {}): RequirementIn {
  return {
    id,
    beneficiary: B,
    capabilityArea: area,
    period: { from: `${year}-01-01`, to: `${year}-12-31` },
    money: { amount, currency: 'EUR' },
    priority: 'high',
    basis: 'illustrative',
    sources: SOURCE,
    ...extra,
  };
}

export function coalition(id: string, areas: CoalitionIn['capabilityAreas'], leads: string[], extra: Partial<CoalitionIn> = {}): CoalitionIn {
  return { id, name: `Test coalition ${id}`, capabilityAreas: areas, leads, sources: SOURCE, ...extra };
}

/** A parsed package (defaults filled in by the schema), as the CLI would pass it. */
export function build(parts: Partial<Omit<DataPackageInput, 'format'>>): DataPackage {
  return DataPackage.parse({ format: 'compact/1', partners: partners('XA', 'XB', 'XC', 'XD', 'XE', B), ...parts });
}

export function run(parts: Partial<Omit<DataPackageInput, 'format'>>, options: Partial<AnalysisOptions> = {}): AnalysisResult {
  return analyze(build(parts), { asOf: AS_OF, ...options });
}

export function findingsOf(result: AnalysisResult, code: FindingCode): Finding[] {
  return result.findings.filter((finding) => finding.code === code);
}

export function rowOf(
  result: AnalysisResult,
  area: CoverageRow['capabilityArea'],
  year: number,
  measure: CoverageRow['measure'] = 'money',
): CoverageRow | undefined {
  return result.coverage.find((row) => row.capabilityArea === area && row.year === year && row.measure === measure);
}
