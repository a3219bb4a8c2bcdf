// Checks the shipped dataset itself (data/compact.json), since that file, not the facts, is what
// users get. When the facts are present (a developer's checkout), also checks that the file is
// what the builder makes of them and that no unverified fact came out looking verified.

import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  divideRounded,
  endOfTerm,
  formatScaled,
  parseScaled,
  statusAsOf,
  validatePackage,
  type Agreement,
  type DataPackage,
} from '../packages/core/src/index.js';
import { AS_OF, buildPackage, serializePackage } from './build/dataset-builder.js';
import type { Facts, FactsKielTracker, FxFacts } from './build/facts.js';
import {
  BASELINE_YEARS,
  ILLUSTRATIVE_LABEL,
  ILLUSTRATIVE_SPLIT,
  REQUIREMENT_YEARS,
  illustrativeRequirements,
  requirementBaseline,
  type RequirementBaseline,
} from './build/requirements.js';

const shippedText = readFileSync(new URL('./compact.json', import.meta.url), 'utf8');
const validation = validatePackage(JSON.parse(shippedText));

function shipped(): DataPackage {
  if (!validation.ok)
    throw new Error(`compact.json is invalid: ${JSON.stringify(validation.issues, null, 2)}`);
  return validation.package;
}

function bilateral(): Agreement[] {
  return shipped().agreements.filter((agreement) => agreement.kind === 'bilateral');
}

/** Bilateral agreements by their partner (the party that is not Ukraine). */
function byPartner(): Map<string, Agreement> {
  return new Map(
    bilateral().map((agreement) => [agreement.parties.find((p) => p !== 'UA') ?? '', agreement]),
  );
}

function agreement(id: string): Agreement {
  const found = shipped().agreements.find((a) => a.id === id);
  if (!found) throw new Error(`no agreement ${id}`);
  return found;
}

const CYRILLIC = /[\u0400-\u04ff]/;

/** Euro amounts as bigint cents: sums are exact, never floats. */
const cents = (amount: string): bigint => parseScaled(amount, 2);
/** Kiel figures are EUR bn with up to a few decimals; 10^9 euros of 10^2 cents. */
const bnToCents = (bn: number): bigint => parseScaled(String(bn), 11);

function baseline(): RequirementBaseline {
  return (shipped() as DataPackage & { requirementBaseline: RequirementBaseline }).requirementBaseline;
}

function kielTracker(): FactsKielTracker {
  return (shipped() as DataPackage & { kielTracker: FactsKielTracker }).kielTracker;
}

describe('data/compact.json', () => {
  it('is a valid compact/1 package', () => {
    expect(validation.issues).toEqual([]);
    expect(shipped().format).toBe('compact/1');
    expect(shipped().asOf).toBe(AS_OF);
  });

  it('holds the 28 agreements Ukraine counts, signed by the as-of date, and Croatia marked not counted', () => {
    const counted = bilateral().filter((a) => a.countedByUkraine && statusAsOf(a, AS_OF) === 'signed');
    expect(counted).toHaveLength(28);
    // 27 states and the EU, one agreement each.
    expect(new Set(counted.map((a) => a.parties[0]))).toHaveProperty('size', 28);
    expect(counted.some((a) => a.parties.includes('EU'))).toBe(true);

    const croatia = agreement('hr-ua-2024');
    expect(croatia.kind).toBe('bilateral');
    expect(croatia.countedByUkraine).toBe(false);
    expect(bilateral()).toHaveLength(29);
  });

  it("reproduces the seed article's network as of 2024-02-20", () => {
    const partners = byPartner();
    const asOfSeed = (code: string) => {
      const found = partners.get(code);
      if (!found) throw new Error(`no bilateral agreement with ${code}`);
      return statusAsOf(found, '2024-02-20');
    };
    for (const code of ['GB', 'DE', 'FR']) expect(asOfSeed(code), code).toBe('signed');
    for (const code of ['CA', 'IT', 'JP', 'US', 'NL', 'EU']) expect(asOfSeed(code), code).toBe('talks');
    // Nobody else had signed or was known to be in talks on that date.
    const others = [...partners.keys()].filter(
      (code) => !['GB', 'DE', 'FR', 'CA', 'IT', 'JP', 'US', 'NL', 'EU'].includes(code),
    );
    for (const code of others) expect(asOfSeed(code), code).toBeUndefined();
  });

  it('dates talks only as known by the seed date, never as begun then', () => {
    const talks = bilateral().flatMap((a) => a.status.filter((entry) => entry.status === 'talks'));
    expect(talks).toHaveLength(6);
    for (const entry of talks) {
      expect(entry.on).toBe('2024-02-20');
      expect(entry.onIsUpperBound).toBe(true);
      expect(entry.sources?.length).toBeGreaterThan(0);
    }
  });

  it('has all 29 bilateral agreements signed as of 2025-11-30', () => {
    for (const a of bilateral()) expect(statusAsOf(a, '2025-11-30'), a.id).toBe('signed');
  });

  it('ends each term the day before its anniversary', () => {
    for (const a of bilateral()) {
      const signed = a.status.find((entry) => entry.status === 'signed')?.on ?? '';
      expect(a.endsOn, a.id).toBe(endOfTerm(signed, a.durationYears ?? Number.NaN));
    }
    expect(agreement('gb-ua-2024').endsOn).toBe('2034-01-11');
  });

  it('keeps only the US agreement legally binding', () => {
    const binding = shipped().agreements.filter((a) => a.legallyBinding === true);
    expect(binding.map((a) => a.id)).toEqual(['us-ua-2024']);
    expect(agreement('us-ua-2024').legalForm).toBe('executive-agreement');
  });

  it('sources every figure', () => {
    const figures = shipped().commitments.filter((c) => c.money || c.quantity || c.shareOfGdp);
    expect(figures.length).toBeGreaterThan(0);
    for (const commitment of figures) expect(commitment.sources.length, commitment.id).toBeGreaterThan(0);
  });

  it('writes amounts as exact decimals without float artefacts', () => {
    const amounts = shipped().commitments.flatMap((c) => (c.money ? [c.money.amount] : []));
    for (const amount of amounts) expect(amount).toMatch(/^(0|[1-9]\d*)(\.\d*[1-9])?$/);
    const germany = shipped().commitments.find((c) => c.id === 'de-ua-2024-1');
    expect(germany?.money).toMatchObject({ amount: '7100000000', currency: 'EUR' });
    for (const rate of shipped().exchangeRates) expect(rate.unitsPerEur).toMatch(/^\d+(\.\d*[1-9])?$/);
  });

  it("counts the UK's drone earmark inside its GBP 2.5bn, not on top of it", () => {
    const earmark = shipped().commitments.find((c) => c.id === 'gb-ua-2024-2');
    expect(earmark).toMatchObject({
      capabilityArea: 'drones',
      countsAs: 'gb-ua-2024-1',
      money: { amount: '200000000', currency: 'GBP', qualifier: 'at-least' },
    });
  });

  it('keeps unverified facts marked M', () => {
    const pkg = shipped();
    for (const partner of pkg.partners) expect(partner.membershipConfidence, partner.code).toBe('M');
    for (const meeting of pkg.meetings) expect(meeting.confidence, meeting.id).toBe('M');
    expect(agreement('de-ua-2024').consultation?.confidence).toBe('M');
    expect(pkg.coalitions.find((c) => c.id === 'air-force')).toMatchObject({
      confidence: 'V',
      foundedConfidence: 'M',
    });
    const memoryRates = pkg.exchangeRates.filter((rate) => rate.source.startsWith('memory'));
    expect(memoryRates.length).toBeGreaterThan(0);
    for (const rate of memoryRates) expect(rate.confidence, `${rate.currency} ${rate.year}`).toBe('M');
  });

  it('keeps the Ukrainian names', () => {
    const pkg = shipped();
    expect(pkg.partners.find((p) => p.code === 'UA')?.nameUk).toBe('Україна');
    for (const partner of pkg.partners) expect(partner.nameUk, partner.code).toMatch(CYRILLIC);
    for (const point of pkg.peaceFormula) expect(point.titleUk, String(point.point)).toMatch(CYRILLIC);
  });

  it('rests peace-formula point 9 on the counted agreements and the two declarations', () => {
    const point9 = shipped().peaceFormula.find((p) => p.point === 9);
    expect(point9?.title).toBe('Prevention of escalation');
    expect(point9?.agreementIds).toHaveLength(30);
    expect(point9?.agreementIds).toContain('g7-joint-declaration-2023');
    expect(point9?.agreementIds).toContain('ukraine-compact-2024');
    expect(point9?.agreementIds).not.toContain('hr-ua-2024');
    expect(point9?.sources.length).toBeGreaterThan(0);
    const others = shipped().peaceFormula.filter((p) => p.point !== 9);
    for (const point of others) expect(point.agreementIds).toEqual([]);
  });
});

describe('data/compact.json requirements', () => {
  it("ships a sourced baseline equal to the mean of the Kiel tracker's military allocations 2022–2024", () => {
    const kiel = kielTracker();
    const figures = BASELINE_YEARS.map((year) => kiel.militaryAllocationsEurBn[String(year)]);
    for (const figure of figures) expect(typeof figure).toBe('number');
    const sum = figures.reduce((total: bigint, bn) => total + bnToCents(bn ?? Number.NaN), 0n);
    const base = baseline();
    expect(base.amountPerYear.currency).toBe('EUR');
    expect(cents(base.amountPerYear.amount)).toBe(divideRounded(sum, BigInt(figures.length)));
    // (35.1 + 43.4 + 41.2) / 3 is exactly 39.9 (EUR bn): no rounding was needed.
    expect(sum % 3n).toBe(0n);
    expect(base.amountPerYear.amount).toBe('39900000000');
    expect(base.years).toEqual([2022, 2023, 2024]);
    expect(base.basis).toBe('sourced');
    expect(base.confidence).toBe('computed');
    expect(base.method).toMatch(/all donors/);
    expect(base.description).toMatch(/all donors/);
    expect(base.description).toMatch(/not Ukraine's stated requirement/);
    expect(base.sources.length).toBeGreaterThan(0);
    for (const source of base.sources) {
      expect(source.url).toMatch(/ifw-kiel\.de/);
      expect(source.confidence).toBe('V');
    }
  });

  it('labels every requirement illustrative, in its basis and its description', () => {
    const requirements = shipped().requirements;
    expect(requirements.length).toBeGreaterThan(0);
    for (const requirement of requirements) {
      expect(requirement.basis, requirement.id).toBe('illustrative');
      expect(requirement.description, requirement.id).toMatch(
        /^Illustrative split of the sourced baseline; not an official requirement\./,
      );
      expect(requirement.description?.startsWith(ILLUSTRATIVE_LABEL), requirement.id).toBe(true);
      expect(requirement).toMatchObject({
        beneficiary: 'UA',
        derivedFrom: 'requirementBaseline',
        quantity: null,
      });
      expect(requirement.illustrativeShare, requirement.id).toMatch(/^0\.\d+$/);
      expect(requirement.money?.currency, requirement.id).toBe('EUR');
      // The split is a choice, not a computation from the source: it carries no confidence mark.
      expect(requirement.confidence, requirement.id).toBeUndefined();
      expect(requirement.sources.length, requirement.id).toBeGreaterThan(0);
    }
  });

  it('has one requirement per capability area and calendar year 2024–2027', () => {
    const requirements = shipped().requirements;
    const areas = ILLUSTRATIVE_SPLIT.map((row) => row.capabilityArea);
    expect(requirements).toHaveLength(areas.length * REQUIREMENT_YEARS.length);
    for (const year of REQUIREMENT_YEARS) {
      const ofYear = requirements.filter((r) => r.period.from === `${year}-01-01`);
      expect(ofYear.map((r) => r.capabilityArea).sort()).toEqual([...areas].sort());
      for (const requirement of ofYear) {
        expect(requirement.period.to).toBe(`${year}-12-31`);
        expect(requirement.id).toBe(`req-ua-${requirement.capabilityArea}-${year}`);
      }
    }
    expect(new Set(requirements.map((r) => r.id)).size).toBe(requirements.length);
  });

  it('splits the baseline exactly, to the cent, in each year', () => {
    const base = cents(baseline().amountPerYear.amount);
    for (const year of REQUIREMENT_YEARS) {
      const ofYear = shipped().requirements.filter((r) => r.period.from.startsWith(`${year}-`));
      const total = ofYear.reduce((sum, r) => sum + cents(r.money?.amount ?? 'x'), 0n);
      expect(formatScaled(total, 2), String(year)).toBe(formatScaled(base, 2));
      const shares = ofYear.reduce((sum, r) => sum + parseScaled(String(r.illustrativeShare), 4), 0n);
      expect(shares, String(year)).toBe(10_000n);
    }
  });
});

describe('the illustrative split', () => {
  const kiel: FactsKielTracker = {
    note: 'test',
    militaryAllocationsEurBn: { '2022': 1, '2023': 1, '2024': 1.01 },
    totalAllocationsEurBn: {},
    fields: [],
    confidence: 'V (test)',
    sources: ['https://example.org/tracker'],
  };

  it('rounds a mean that is not exact to the cent and says so', () => {
    const base = requirementBaseline(kiel);
    // 3.01 bn / 3 = 1.00333... bn = 1003333333.33... EUR
    expect(base.amountPerYear.amount).toBe('1003333333.33');
    expect(base.method).toMatch(/rounded/);
  });

  it('lets the last area absorb the rounding so each year sums exactly', () => {
    const base: RequirementBaseline = {
      ...requirementBaseline(kiel),
      amountPerYear: { amount: '0.1', currency: 'EUR' },
    };
    const split = [
      { capabilityArea: 'air-defence', share: '0.3333', priority: 'critical' },
      { capabilityArea: 'artillery', share: '0.3333', priority: 'critical' },
      { capabilityArea: 'drones', share: '0.3334', priority: 'high' },
    ] as const;
    const rows = illustrativeRequirements(base, split).filter((r) => r.period.from === '2025-01-01');
    expect(rows.map((r) => r.money?.amount)).toEqual(['0.03', '0.03', '0.04']);
  });

  it('refuses shares that do not sum to one, and an area named twice', () => {
    const base = requirementBaseline(kiel);
    expect(() =>
      illustrativeRequirements(base, [{ capabilityArea: 'drones', share: '0.9', priority: 'high' }]),
    ).toThrow(/sum to 0\.9/);
    expect(() =>
      illustrativeRequirements(base, [
        { capabilityArea: 'drones', share: '0.5', priority: 'high' },
        { capabilityArea: 'drones', share: '0.5', priority: 'high' },
      ]),
    ).toThrow(/twice/);
  });

  it('refuses a tracker without a figure for a baseline year', () => {
    expect(() =>
      requirementBaseline({ ...kiel, militaryAllocationsEurBn: { '2022': 1, '2023': 1 } }),
    ).toThrow(/no figure for 2024/);
  });
});

// The facts sit outside the repository; CI has no copy, so these checks run where they exist.
const factsUrl = new URL('../../shared/data/security-guarantees-facts.json', import.meta.url);
const fxUrl = new URL('../../shared/data/fx-rates.json', import.meta.url);
const haveFacts = existsSync(factsUrl) && existsSync(fxUrl);

function readFacts(): { facts: Facts; fx: FxFacts } {
  return {
    facts: JSON.parse(readFileSync(factsUrl, 'utf8')) as Facts,
    fx: JSON.parse(readFileSync(fxUrl, 'utf8')) as FxFacts,
  };
}

describe.skipIf(!haveFacts)('data/compact.json against the sourced facts', () => {
  it('is what the builder makes of the current facts (rerun data/build/build-dataset.ts if not)', () => {
    const { facts, fx } = readFacts();
    expect(serializePackage(buildPackage(facts, fx))).toBe(shippedText);
  });

  it("bases the requirements on the facts' Kiel figures, shipped unchanged", () => {
    const { facts } = readFacts();
    expect(kielTracker()).toEqual(facts.kielTracker);
    const sum = BASELINE_YEARS.reduce(
      (total, year) =>
        total + bnToCents(facts.kielTracker.militaryAllocationsEurBn[String(year)] ?? Number.NaN),
      0n,
    );
    expect(cents(baseline().amountPerYear.amount) * 3n).toBe(sum);
  });

  it('marks M every record the facts mark M', () => {
    const { facts, fx } = readFacts();
    const pkg = shipped();
    for (const fact of facts.agreements) {
      const row = agreement(fact.id);
      if (fact.confidence === 'M') expect(row.confidence, fact.id).toBe('M');
      if (fact.consultation?.confidence === 'M') expect(row.consultation?.confidence, fact.id).toBe('M');
      if (fact.onNatoAccession?.confidence === 'M') expect(row.onNatoAccessionConfidence, fact.id).toBe('M');
    }
    for (const fact of fx.rates.filter((rate) => rate.confidence === 'M')) {
      const row = pkg.exchangeRates.find(
        (rate) => rate.currency === fact.currency && rate.year === fact.year,
      );
      expect(row?.confidence, `${fact.currency} ${fact.year}`).toBe('M');
    }
    for (const fact of facts.coalitions.filter((c) => /\bM\b/.test(c.confidence))) {
      const row = pkg.coalitions.find((c) => c.id === fact.id);
      expect(row?.confidence === 'M' || row?.foundedConfidence === 'M', fact.id).toBe(true);
    }
  });
});
