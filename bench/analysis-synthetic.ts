// Synthetic data packages for the analysis benchmark, at three scales. Seeded: the same seed gives
// the same package. Everything here is invented: partners are "Synthetic partner QB" with codes
// chosen to avoid real countries' ISO codes, every amount is random, and every record's source says so.
import { CapabilityArea, type DataPackage } from '@compact/core';
import { seededRandom } from '@compact/core';

export interface AnalysisScale {
  readonly name: string;
  readonly providers: number;
  readonly beneficiaries: number;
  readonly commitments: number;
  readonly areas: number;
  readonly years: number;
}

export const ANALYSIS_SCALES = {
  small: { name: 'small', providers: 10, beneficiaries: 2, commitments: 1_000, areas: 6, years: 5 },
  medium: { name: 'medium', providers: 50, beneficiaries: 5, commitments: 10_000, areas: 16, years: 10 },
  large: { name: 'large', providers: 200, beneficiaries: 20, commitments: 100_000, areas: 16, years: 15 },
} as const satisfies Record<string, AnalysisScale>;

export const FIRST_YEAR = 2022;

/** The analysis day used with a synthetic package: mid-way through its years. */
export function syntheticAsOf(scale: AnalysisScale): string {
  return `${FIRST_YEAR + Math.floor(scale.years / 2)}-06-30`;
}

// The seeded generator lives in core (also used by tests and simulations); re-exported for the benches.
export { seededRandom };

// Two-letter codes under prefixes with few assigned countries, minus the assigned ones.
const ASSIGNED = new Set(
  'QA XK ZA ZM ZW JE JM JO JP YE YT WF WS OM VA VC VE VG VI VN VU DE DJ DK DM DO DZ HK HM HN HR HT HU'.split(' '),
);

function syntheticCodes(count: number): string[] {
  const out: string[] = [];
  for (const first of 'QXZJYWOVDH') {
    for (let i = 0; i < 26; i++) {
      const code = `${first}${String.fromCharCode(65 + i)}`;
      if (!ASSIGNED.has(code)) out.push(code);
    }
  }
  if (out.length < count) throw new RangeError(`only ${out.length} synthetic partner codes, ${count} asked for`);
  return out.slice(0, count);
}

const CURRENCIES = ['USD', 'GBP', 'SEK', 'NOK', 'DKK', 'PLN', 'CZK', 'JPY', 'CAD', 'CHF'] as const;
const SOURCE = [{ title: 'synthetic benchmark data (illustrative, not a fact)' }];

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function date(year: number, month: number, day: number): string {
  return `${year}-${pad(month)}-${pad(Math.min(day, 28))}`;
}

/** A seeded synthetic package; records are in the package's parsed form, so `analyze` takes it as it is. */
export function analysisPackage(scale: AnalysisScale, seed = 20240220): DataPackage {
  const next = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const chance = (p: number) => next() < p;
  const codes = syntheticCodes(scale.providers + scale.beneficiaries);
  const beneficiaries = codes.slice(0, scale.beneficiaries);
  const providers = codes.slice(scale.beneficiaries);
  const areas = CapabilityArea.options.slice(0, scale.areas);
  const lastYear = FIRST_YEAR + scale.years - 1;
  const asOf = syntheticAsOf(scale);

  const partners: DataPackage['partners'] = codes.map((code) => ({
    code,
    name: `Synthetic partner ${code}`,
    nameUk: `Синтетичний партнер ${code}`,
    classification: 'public',
    sources: SOURCE,
  }));

  const exchangeRates: DataPackage['exchangeRates'] = [];
  for (const currency of CURRENCIES) {
    const base = currency === 'JPY' ? 150 : currency === 'CZK' ? 25 : currency === 'SEK' || currency === 'NOK' || currency === 'DKK' ? 10 : 1;
    for (let year = FIRST_YEAR; year <= lastYear; year++) {
      if (currency === 'CHF' && year > lastYear - 2) continue; // leaves some money unconvertible
      const rate = (base * (0.85 + next() * 0.3)).toFixed(4);
      exchangeRates.push({ currency, year, unitsPerEur: rate, source: 'synthetic benchmark rate (illustrative, not a fact)' });
    }
  }

  const agreements: DataPackage['agreements'] = [];
  const clauses: DataPackage['clauses'] = [];
  interface Made {
    id: string;
    beneficiary: string;
    refs: string[];
    signed: string;
    signedYear: number;
  }
  const agreementsOf = new Map<string, Made[]>();
  for (const provider of providers) {
    const count = Math.min(scale.beneficiaries, 2 + Math.floor(next() * 4));
    const chosen = new Set<string>();
    while (chosen.size < count) chosen.add(pick(beneficiaries));
    const mine: Made[] = [];
    for (const beneficiary of [...chosen].sort()) {
      const copies = chance(0.05) ? 2 : 1;
      for (let copy = 1; copy <= copies; copy++) {
        const id = `syn-${provider}-${beneficiary}-${copy}`;
        const signedYear = FIRST_YEAR + Math.floor(next() * Math.max(1, scale.years / 2));
        const signed = date(signedYear, 1 + Math.floor(next() * 12), 1 + Math.floor(next() * 28));
        const roll = next();
        const status: DataPackage['agreements'][number]['status'] =
          roll < 0.94
            ? [{ status: 'signed', on: signed }]
            : roll < 0.97
              ? [{ status: 'talks', on: signed }]
              : roll < 0.99
                ? [
                    { status: 'talks', on: signed },
                    { status: 'signed', on: date(lastYear, 3, 1) },
                  ]
                : [
                    { status: 'signed', on: signed },
                    { status: 'terminated', on: date(signedYear + 2, 6, 30) },
                  ];
        const consultationRoll = next();
        const consultation =
          consultationRoll < 0.5
            ? { trigger: 'armed-attack' as const, withinHours: 24 }
            : consultationRoll < 0.65
              ? { trigger: 'armed-attack' as const, withinHours: 48 }
              : consultationRoll < 0.75
                ? null
                : undefined;
        const nato = pick(['ends', 'continues', 'review', undefined] as const);
        agreements.push({
          id,
          title: `Synthetic agreement ${provider}–${beneficiary} ${copy}`,
          parties: [provider, beneficiary],
          beneficiary,
          kind: 'bilateral',
          legalForm: 'political-commitment',
          status,
          durationYears: 10,
          endsOn: date(signedYear + 10, 1, 1),
          ...(nato ? { onNatoAccession: nato } : {}),
          ...(consultation !== undefined ? { consultation } : {}),
          countedByUkraine: true,
          classification: 'public',
          sources: chance(0.995) ? SOURCE : [],
        });
        const refs = ['I.1', 'II.3', 'III.6'];
        refs.forEach((ref, i) =>
          clauses.push({
            agreementId: id,
            ref,
            text: `Synthetic clause ${ref} (illustrative, not a fact).`,
            topics: i === 2 && consultation ? ['consultation'] : i === 0 ? ['equipment'] : ['training'],
            classification: 'public',
            sources: SOURCE,
          }),
        );
        mine.push({ id, beneficiary, refs, signed, signedYear });
      }
    }
    agreementsOf.set(provider, mine);
  }

  const coalitions: DataPackage['coalitions'] = areas.map((area) => {
    const leads = new Set<string>();
    const size = 2 + Math.floor(next() * 2);
    while (leads.size < size) leads.add(pick(providers));
    const members = new Set<string>();
    for (let i = 0; i < 15; i++) members.add(pick(providers));
    return {
      id: `syn-coalition-${area}`,
      name: `Synthetic ${area} coalition`,
      capabilityAreas: [area],
      leads: [...leads].sort(),
      members: [...members].sort(),
      milestones: [],
      classification: 'public',
      sources: SOURCE,
    };
  });

  const items = (area: string) => Array.from({ length: 6 }, (_, i) => `${area} model ${i + 1}`);
  const commitments: DataPackage['commitments'] = [];
  const idsOf = new Map<string, string[]>();
  const moneyByArea = new Map<string, number>();
  for (let i = 0; i < scale.commitments; i++) {
    const provider = pick(providers);
    const mine = agreementsOf.get(provider) ?? [];
    const contribution = chance(0.1) || mine.length === 0;
    const agreement = contribution ? null : pick(mine);
    const beneficiary = agreement ? agreement.beneficiary : pick(beneficiaries);
    const area = chance(0.92) ? pick(areas) : null;
    // Mostly within the agreement's ten years, from its signature on; a few start before it (earlier
    // aid restated) or run past its end.
    const earliest = agreement ? agreement.signedYear : FIRST_YEAR;
    const latest = Math.min(lastYear, earliest + 9);
    const startYear = earliest + Math.floor(next() * (latest - earliest + 1));
    const length = 1 + Math.floor(next() * 3);
    const endYear = chance(0.98) ? Math.min(latest, startYear + length - 1) : Math.min(lastYear, startYear + length + 8);
    const startsOnFirst = chance(0.7);
    let from = startsOnFirst ? `${startYear}-01-01` : date(startYear, 1 + Math.floor(next() * 12), 1 + Math.floor(next() * 28));
    if (agreement && from < agreement.signed && chance(0.9)) from = agreement.signed;
    const to = startsOnFirst || endYear > startYear ? `${endYear}-12-31` : date(endYear, 12, 1 + Math.floor(next() * 3));
    const period = chance(0.995) && from <= to ? { from, to } : null;
    const kind = next();
    const currency = chance(0.6) ? 'EUR' : pick(CURRENCIES);
    const millions = 1 + Math.floor(next() * 5000) / 10;
    const amount = String(Math.round(millions * 1_000_000) * (currency === 'JPY' ? 150 : 1));
    const perYear = chance(0.1);
    const money = kind < 0.88 ? { amount, currency, ...(perYear ? { perYear: true } : {}) } : null;
    const quantity = kind >= 0.88 && kind < 0.97 && area ? { value: 1 + Math.floor(next() * 40), unit: 'units', item: pick(items(area)) } : null;
    const shareOfGdp = kind >= 0.97 && kind < 0.98 ? { fraction: '0.0025', perYear: true } : null;
    const earlier = idsOf.get(provider) ?? [];
    const countsAs = earlier.length > 0 && chance(0.02) ? pick(earlier) : null;
    const id = `syn-c-${i}`;
    const firmnessRoll = next();
    commitments.push({
      id,
      agreementId: agreement?.id ?? null,
      clauseRef: agreement && chance(0.5) ? pick(agreement.refs) : null,
      provider,
      beneficiary,
      category: 'equipment',
      capabilityArea: area,
      money,
      quantity,
      shareOfGdp,
      period,
      firmness: firmnessRoll < 0.6 ? 'pledged' : firmnessRoll < 0.8 ? 'binding' : firmnessRoll < 0.9 ? 'intended' : 'conditional',
      conditions: chance(0.05) ? [{ type: 'parliamentary-approval' }] : [],
      coalitionId: contribution ? `syn-coalition-${area ?? pick(areas)}` : null,
      countsAs,
      classification: 'public',
      sources: chance(0.995) ? SOURCE : [],
    });
    earlier.push(id);
    idsOf.set(provider, earlier);
    if (money && area) moneyByArea.set(`${beneficiary}|${area}`, (moneyByArea.get(`${beneficiary}|${area}`) ?? 0) + millions * 1.5);
  }

  const requirements: DataPackage['requirements'] = [];
  for (const beneficiary of beneficiaries) {
    for (const area of areas) {
      const perYearMillions = (moneyByArea.get(`${beneficiary}|${area}`) ?? 100) / scale.years;
      for (let year = FIRST_YEAR; year <= lastYear; year++) {
        requirements.push({
          id: `syn-req-${beneficiary}-${area}-${year}`,
          beneficiary,
          capabilityArea: area,
          period: { from: `${year}-01-01`, to: `${year}-12-31` },
          money: { amount: String(Math.round(perYearMillions * (0.5 + next() * 1.3)) * 1_000_000), currency: 'EUR' },
          priority: pick(['critical', 'high', 'medium', 'low'] as const),
          basis: 'illustrative',
          classification: 'public',
          sources: SOURCE,
        });
      }
      if (chance(0.1)) {
        requirements.push({
          id: `syn-req-${beneficiary}-${area}-items`,
          beneficiary,
          capabilityArea: area,
          period: { from: `${FIRST_YEAR}-01-01`, to: `${lastYear}-12-31` },
          quantity: { value: 200, unit: 'units', item: `${area} model 1` },
          priority: 'medium',
          basis: 'illustrative',
          classification: 'public',
          sources: SOURCE,
        });
      }
    }
  }

  const flows: DataPackage['flows'] = [];
  for (const commitment of commitments) {
    if (!commitment.money || !commitment.period || !chance(0.2)) continue;
    const id = `syn-f-${flows.length}`;
    const parent = flows.length > 0 && chance(0.05) ? flows[Math.floor(next() * flows.length)] : undefined;
    flows.push({
      id,
      commitmentId: commitment.id,
      stage: chance(0.7) ? 'delivered' : 'allocated',
      on: commitment.period.from,
      money: { amount: String(Math.floor(Number(commitment.money.amount) * next())), currency: commitment.money.currency },
      parentFlowId: parent?.id ?? null,
      newMoney: true,
      classification: 'public',
      sources: SOURCE,
    });
  }

  return {
    format: 'compact/1',
    asOf,
    title: `synthetic analysis benchmark package (${scale.name}; illustrative, not facts)`,
    partners,
    agreements,
    clauses,
    commitments,
    coalitions,
    requirements,
    flows,
    exchangeRates,
    crisisRequests: [],
    peaceFormula: [],
    meetings: [],
  };
}
