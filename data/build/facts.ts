// The shapes of the sourced facts in ../shared/data, as they are written there. The facts are
// hand-compiled, so the builder checks every record's keys against these lists: a new fact must
// fail the build until it is mapped, rather than vanish silently from the shipped dataset.

export type FactsConfidence = string;

export interface FactsPartner {
  readonly code: string;
  readonly name: string;
  readonly nameUk: string;
  readonly nato: boolean;
  readonly eu: boolean;
  readonly g7: boolean;
  readonly natoSince?: string;
}

export interface FactsPledge {
  readonly value?: number;
  readonly currency?: string;
  readonly quantity?: number;
  readonly item?: string;
  readonly shareOfGdp?: number;
  readonly capabilityArea?: string;
  readonly period?: readonly [string, string];
  readonly scope: string;
  readonly perYear?: boolean;
  readonly atLeast?: boolean;
  readonly upTo?: boolean;
  readonly approx?: boolean;
  readonly note?: string;
}

export interface FactsConsultation {
  readonly withinHours: number | null;
  readonly trigger?: string;
  readonly bestEffort?: boolean;
  readonly wording?: string;
  readonly level?: string;
  readonly atRequestOf?: string;
  readonly confidence?: FactsConfidence;
}

export interface FactsNatoAccession {
  readonly effect: string;
  readonly note?: string;
  readonly confidence: FactsConfidence;
}

export interface FactsAgreement {
  readonly order?: number;
  readonly id: string;
  readonly partner: string;
  readonly beneficiary: string;
  readonly signedOn: string;
  readonly place: string;
  readonly title: string;
  readonly durationYears: number;
  readonly legalForm: string;
  readonly legallyBinding?: boolean;
  readonly explicitlyNonBinding?: boolean;
  readonly registeredWithUn?: boolean;
  readonly pledges: readonly FactsPledge[];
  readonly confidence: FactsConfidence;
  readonly sources: readonly string[];
  readonly consultation?: FactsConsultation;
  readonly extension?: Readonly<Record<string, unknown>>;
  readonly termination?: { readonly noticeMonths?: number; readonly byEitherParty?: boolean };
  readonly onNatoAccession?: FactsNatoAccession;
  readonly structure?: string;
  readonly priorities?: readonly string[];
  /** The EU's agreement says "multilateral-actor": who the partner is, not the agreement's kind. */
  readonly kind?: string;
  readonly countedByUkraineMod?: boolean;
  readonly notes?: string;
}

export interface FactsDeclarationCategory {
  readonly id: string;
  readonly title: string;
  readonly items?: readonly {
    readonly id: string;
    readonly title: string;
    readonly priorities?: readonly string[];
  }[];
}

export interface FactsJointDeclaration {
  readonly id: string;
  readonly title: string;
  readonly signedOn: string;
  readonly place: string;
  readonly signatories: readonly string[];
  readonly joiners: readonly string[];
  readonly joinersNote: string;
  readonly categories: readonly FactsDeclarationCategory[];
  readonly futureAttack: string;
  readonly ukraineCommits: readonly string[];
  readonly confidence: FactsConfidence;
  readonly sources: readonly string[];
}

export interface FactsCompact {
  readonly id: string;
  readonly title: string;
  readonly signedOn: string;
  readonly place: string;
  readonly signatories: readonly string[];
  readonly signatoriesNote: string;
  readonly commitments: readonly string[];
  readonly consultation: FactsConsultation;
  readonly confidence: FactsConfidence;
  readonly sources: readonly string[];
}

export interface FactsCoalition {
  readonly id: string;
  readonly name: string;
  readonly capabilityAreas: readonly string[];
  readonly leads: readonly string[];
  readonly members?: readonly string[];
  readonly founded?: string;
  readonly milestones?: readonly { readonly on: string; readonly what: string }[];
  /** Usually a mark; sometimes a sentence such as "V leads / M date". */
  readonly confidence: string;
  readonly sources: readonly string[];
}

export interface FactsPeacePoint {
  readonly point: number;
  readonly title: string;
  readonly titleUk: string;
}

export interface FactsMeeting {
  readonly name: string;
  readonly place: string;
  readonly on: string;
  readonly until?: string;
  readonly participants: number | null;
  readonly approx?: boolean;
  readonly points?: readonly number[];
  readonly outcome?: string;
}

export interface FactsSeedSnapshot {
  readonly asOf: string;
  readonly source: string;
  readonly interestedCount: number;
  readonly talksOpened: readonly string[];
  readonly signed: readonly string[];
  readonly closeBehind: readonly string[];
  readonly onHold: Readonly<Record<string, string>>;
  readonly coalitionsNamed: readonly string[];
  readonly peaceFormulaPoint: number;
}

/** Yearly totals of the Kiel Institute's Ukraine Support Tracker, all donors, EUR bn. */
export interface FactsKielTracker {
  readonly note: string;
  /** Keyed by year ("2022"); the builder reads 2022–2024 for the requirement baseline. */
  readonly militaryAllocationsEurBn: Readonly<Record<string, number>>;
  readonly totalAllocationsEurBn: Readonly<Record<string, number>>;
  readonly fields: readonly string[];
  /** A mark with a remark, such as "V (computed from the tracker's published monthly totals)". */
  readonly confidence: string;
  readonly sources: readonly string[];
}

export interface Facts {
  readonly about: string;
  readonly compiledOn: string;
  readonly partners: readonly FactsPartner[];
  readonly partnersNote: string;
  readonly jointDeclaration: FactsJointDeclaration;
  readonly agreements: readonly FactsAgreement[];
  readonly agreementsNote: string;
  readonly compact: FactsCompact;
  readonly coalitions: readonly FactsCoalition[];
  readonly peaceFormula: readonly FactsPeacePoint[];
  readonly meetings: readonly FactsMeeting[];
  readonly seedSnapshot: FactsSeedSnapshot;
  readonly reliabilityPriors: readonly Readonly<Record<string, unknown>>[];
  readonly kielTracker: FactsKielTracker;
  readonly nonSigners: {
    readonly jointDeclarationButNoAgreement: readonly string[];
    readonly confidence: string;
  };
}

export interface FactsRate {
  readonly currency: string;
  readonly year: number;
  readonly perEur: number;
  readonly confidence: FactsConfidence;
  readonly note?: string;
  readonly source: string;
}

export interface FxFacts {
  readonly about: string;
  readonly compiledOn: string;
  readonly rates: readonly FactsRate[];
}

/** Keys the builder maps, per kind of facts record; anything else stops the build. */
const KNOWN_KEYS = {
  facts: [
    'about',
    'compiledOn',
    'partners',
    'partnersNote',
    'jointDeclaration',
    'agreements',
    'agreementsNote',
    'compact',
    'coalitions',
    'peaceFormula',
    'meetings',
    'seedSnapshot',
    'reliabilityPriors',
    'kielTracker',
    'nonSigners',
  ],
  partner: ['code', 'name', 'nameUk', 'nato', 'eu', 'g7', 'natoSince'],
  agreement: [
    'order',
    'id',
    'partner',
    'beneficiary',
    'signedOn',
    'place',
    'title',
    'durationYears',
    'legalForm',
    'legallyBinding',
    'explicitlyNonBinding',
    'registeredWithUn',
    'pledges',
    'confidence',
    'sources',
    'consultation',
    'extension',
    'termination',
    'onNatoAccession',
    'structure',
    'priorities',
    'kind',
    'countedByUkraineMod',
    'notes',
  ],
  pledge: [
    'value',
    'currency',
    'quantity',
    'item',
    'shareOfGdp',
    'capabilityArea',
    'period',
    'scope',
    'perYear',
    'atLeast',
    'upTo',
    'approx',
    'note',
  ],
  consultation: ['withinHours', 'trigger', 'bestEffort', 'wording', 'level', 'atRequestOf', 'confidence'],
  onNatoAccession: ['effect', 'note', 'confidence'],
  jointDeclaration: [
    'id',
    'title',
    'signedOn',
    'place',
    'signatories',
    'joiners',
    'joinersNote',
    'categories',
    'futureAttack',
    'ukraineCommits',
    'confidence',
    'sources',
  ],
  compact: [
    'id',
    'title',
    'signedOn',
    'place',
    'signatories',
    'signatoriesNote',
    'commitments',
    'consultation',
    'confidence',
    'sources',
  ],
  coalition: [
    'id',
    'name',
    'capabilityAreas',
    'leads',
    'members',
    'founded',
    'milestones',
    'confidence',
    'sources',
  ],
  milestone: ['on', 'what'],
  peacePoint: ['point', 'title', 'titleUk'],
  meeting: ['name', 'place', 'on', 'until', 'participants', 'approx', 'points', 'outcome'],
  seedSnapshot: [
    'asOf',
    'source',
    'interestedCount',
    'talksOpened',
    'signed',
    'closeBehind',
    'onHold',
    'coalitionsNamed',
    'peaceFormulaPoint',
  ],
  fx: ['about', 'compiledOn', 'rates'],
  rate: ['currency', 'year', 'perEur', 'confidence', 'note', 'source'],
} as const satisfies Record<string, readonly string[]>;

export type FactsKind = keyof typeof KNOWN_KEYS;

export function assertKnownKeys(record: object, kind: FactsKind, where: string): void {
  const known: readonly string[] = KNOWN_KEYS[kind];
  const unknown = Object.keys(record).filter((key) => !known.includes(key));
  if (unknown.length > 0) {
    throw new Error(
      `${where}: facts field(s) ${unknown.join(', ')} are not mapped; map them or list them in facts.ts`,
    );
  }
}

/** Walks every facts record once, so a key check is not forgotten in one mapping function. */
export function assertFactsShape(facts: Facts, fx: FxFacts): void {
  assertKnownKeys(facts, 'facts', 'facts');
  facts.partners.forEach((partner) => assertKnownKeys(partner, 'partner', `partner ${partner.code}`));
  for (const agreement of facts.agreements) {
    const where = `agreement ${agreement.id}`;
    assertKnownKeys(agreement, 'agreement', where);
    agreement.pledges.forEach((pledge, i) => assertKnownKeys(pledge, 'pledge', `${where} pledge ${i + 1}`));
    if (agreement.consultation)
      assertKnownKeys(agreement.consultation, 'consultation', `${where} consultation`);
    if (agreement.onNatoAccession)
      assertKnownKeys(agreement.onNatoAccession, 'onNatoAccession', `${where} onNatoAccession`);
  }
  assertKnownKeys(facts.jointDeclaration, 'jointDeclaration', 'jointDeclaration');
  assertKnownKeys(facts.compact, 'compact', 'compact');
  assertKnownKeys(facts.compact.consultation, 'consultation', 'compact consultation');
  for (const coalition of facts.coalitions) {
    assertKnownKeys(coalition, 'coalition', `coalition ${coalition.id}`);
    coalition.milestones?.forEach((m, i) =>
      assertKnownKeys(m, 'milestone', `coalition ${coalition.id} milestone ${i + 1}`),
    );
  }
  facts.peaceFormula.forEach((point) =>
    assertKnownKeys(point, 'peacePoint', `peace formula point ${point.point}`),
  );
  facts.meetings.forEach((meeting) =>
    assertKnownKeys(meeting, 'meeting', `meeting ${meeting.on} ${meeting.place}`),
  );
  assertKnownKeys(facts.seedSnapshot, 'seedSnapshot', 'seedSnapshot');
  assertKnownKeys(fx, 'fx', 'fx-rates');
  fx.rates.forEach((rate) => assertKnownKeys(rate, 'rate', `fx rate ${rate.currency} ${rate.year}`));
}
