// The briefing's own words in English and Ukrainian. Deterministic: numbers are formatted by hand
// (no Intl, whose output varies with the runtime's ICU data), so a briefing is the same everywhere.
import { areaLabel, type Lang } from '../analysis/format.js';
import type { Severity } from '../analysis/types.js';
import type { Milestone } from '../schema/entities.js';
import type { CapabilityArea, LegalForm } from '../schema/vocabulary.js';

type MilestoneStatus = Milestone['status'];

export type BriefingLanguage = Lang;
export const BRIEFING_LANGUAGES: readonly BriefingLanguage[] = ['en', 'uk'];

/** Section headings and fixed phrases a renderer (Markdown, PDF) needs. */
export interface BriefingHeadings {
  readonly keyFigures: string;
  readonly agreementsAndMilestones: string;
  readonly topFindings: string;
  readonly sources: string;
  readonly noFindings: string;
  readonly noMoney: string;
  readonly clauses: string;
  readonly areaColumn: string;
  readonly amountColumn: string;
}

export interface BriefingWords {
  readonly headings: BriefingHeadings;
  readonly networkTitle: string;
  partnerTitle(name: string): string;
  subtitle(asOf: string): string;
  readonly leads: string;
  readonly members: string;
  readonly notRecorded: string;
  readonly capabilityAreas: string;
  committedInAreas(year: number): string;
  agreementsSigned(scope: 'network' | 'partner'): string;
  countedByUkraine(count: number): string;
  readonly withConsultation: string;
  ofTotal(part: number, total: number): string;
  committedFor(year: number): string;
  convertedNote(year: number): string;
  coalitions(scope: 'network' | 'partner'): string;
  chartTitle(year: number, currency: string): string;
  agreementFact(fact: { title: string; signedOn: string | null; legalForm: LegalForm | null; consultationHours: number | null; consultationWording: string | null; hasConsultation: boolean }): string;
  milestoneFact(milestone: { title: string; due: string | null; status: MilestoneStatus | null }): string;
  area(area: CapabilityArea | null): string;
  severity(severity: Severity): string;
  /** "2,900.5" / "2 900,5": millions with one decimal. */
  millions(value: number): string;
  money(currency: string, millions: number): string;
  readonly caveat: string;
}

/** One decimal, grouped in thousands, with the language's separators. */
function oneDecimal(value: number, group: string, decimal: string): string {
  const tenths = Math.round(Math.abs(value) * 10);
  const whole = String(Math.floor(tenths / 10)).replace(/\B(?=(\d{3})+(?!\d))/g, group);
  return `${value < 0 && tenths > 0 ? '−' : ''}${whole}${decimal}${tenths % 10}`;
}

const LEGAL_FORMS_UK: Record<LegalForm, string> = {
  treaty: 'міжнародний договір',
  'executive-agreement': 'міжурядова угода',
  'political-commitment': 'політичне зобов’язання',
  declaration: 'декларація',
};

const MILESTONE_STATUS_UK: Record<MilestoneStatus, string> = { open: 'відкрито', done: 'виконано', late: 'із запізненням', cancelled: 'скасовано' };

const SEVERITY_UK: Record<Severity, string> = { critical: 'критично', high: 'високий', medium: 'середній', low: 'низький', info: 'довідково' };

const ENGLISH: BriefingWords = {
  headings: {
    keyFigures: 'Key figures',
    agreementsAndMilestones: 'Agreements and milestones',
    topFindings: 'Top findings',
    sources: 'Sources',
    noFindings: 'No findings.',
    noMoney: 'No money committed for the year in the data.',
    clauses: 'Clauses',
    areaColumn: 'capability area',
    amountColumn: 'amount',
  },
  networkTitle: 'The network of security agreements',
  partnerTitle: (name) => `${name}: briefing`,
  subtitle: (asOf) => `Security commitments to Ukraine as of ${asOf}`,
  leads: 'Leads',
  members: 'Members',
  notRecorded: 'not recorded in the data',
  capabilityAreas: 'Capability areas',
  committedInAreas: (year) => `Committed in ${year} in these areas (all providers)`,
  agreementsSigned: (scope) => (scope === 'network' ? 'Agreements signed' : 'Agreements signed with Ukraine'),
  countedByUkraine: (count) => `${count} counted by Ukraine`,
  withConsultation: 'With a consultation promise',
  ofTotal: (part, total) => `${part} of ${total}`,
  committedFor: (year) => `Committed for ${year}`,
  convertedNote: (year) => `converted at ${year} rates; signed agreements only`,
  coalitions: (scope) => (scope === 'network' ? 'Coalitions' : 'Coalitions led or joined'),
  chartTitle: (year, currency) => `Committed for ${year} by capability area (${currency} million)`,
  agreementFact: (fact) =>
    `${fact.title}: signed ${fact.signedOn ?? 'date unknown'}, ${fact.legalForm ?? 'legal form unknown'}${
      fact.hasConsultation ? `, consultation ${fact.consultationHours ? `within ${fact.consultationHours} h` : (fact.consultationWording ?? 'promised')}` : ', no consultation clause'
    }`,
  milestoneFact: (milestone) => `${milestone.due ?? 'no date'}: ${milestone.title} (${milestone.status ?? 'status unknown'})`,
  area: (area) => (area ? areaLabel(area, 'en') : 'unassigned'),
  severity: (severity) => severity,
  millions: (value) => oneDecimal(value, ',', '.'),
  money: (currency, millions) => `${currency} ${oneDecimal(millions, ',', '.')} m`,
  caveat:
    'Figures are as the cited sources report them; money is converted at the yearly rates in the data and spread over each commitment’s period by days. Requirements marked illustrative are not sourced. Only records the reader may see are counted.',
};

const UKRAINIAN: BriefingWords = {
  headings: {
    keyFigures: 'Ключові показники',
    agreementsAndMilestones: 'Угоди та етапи',
    topFindings: 'Головні висновки аналізу',
    sources: 'Джерела',
    noFindings: 'Висновків немає.',
    noMoney: 'У даних немає зобов’язань на цей рік.',
    clauses: 'Положення',
    areaColumn: 'напрям спроможностей',
    amountColumn: 'сума',
  },
  networkTitle: 'Мережа безпекових угод',
  partnerTitle: (name) => `${name}: брифінг`,
  subtitle: (asOf) => `Безпекові зобов’язання перед Україною станом на ${asOf}`,
  leads: 'Лідери',
  members: 'Учасники',
  notRecorded: 'у даних не зазначено',
  capabilityAreas: 'Напрями спроможностей',
  committedInAreas: (year) => `Зобов’язано на ${year} рік у цих напрямах (усі донори)`,
  agreementsSigned: (scope) => (scope === 'network' ? 'Підписані угоди' : 'Угоди, підписані з Україною'),
  countedByUkraine: (count) => `${count} враховано Україною`,
  withConsultation: 'З обіцянкою консультацій',
  ofTotal: (part, total) => `${part} з ${total}`,
  committedFor: (year) => `Зобов’язання на ${year} рік`,
  convertedNote: (year) => `за курсами ${year} року; лише підписані угоди`,
  coalitions: (scope) => (scope === 'network' ? 'Коаліції' : 'Коаліції, які очолює або до яких входить'),
  chartTitle: (year, currency) => `Зобов’язання на ${year} рік за напрямами спроможностей (млн ${currency})`,
  agreementFact: (fact) =>
    `${fact.title}: підписано ${fact.signedOn ?? '(дата невідома)'}, ${fact.legalForm ? LEGAL_FORMS_UK[fact.legalForm] : 'правова форма невідома'}${
      fact.hasConsultation
        ? `, консультації ${fact.consultationHours ? `протягом ${fact.consultationHours} год` : fact.consultationWording ? `(${fact.consultationWording})` : 'передбачено'}`
        : ', без положення про консультації'
    }`,
  milestoneFact: (milestone) => `${milestone.due ?? 'без дати'}: ${milestone.title} (${milestone.status ? MILESTONE_STATUS_UK[milestone.status] : 'статус невідомий'})`,
  area: (area) => (area ? areaLabel(area, 'uk').replace(/[«»]/g, '') : 'без визначеного напряму'),
  severity: (severity) => SEVERITY_UK[severity],
  millions: (value) => oneDecimal(value, '\u00a0', ','),
  money: (currency, millions) => `${oneDecimal(millions, '\u00a0', ',')} млн ${currency}`,
  caveat:
    'Цифри наведено так, як їх подають зазначені джерела; гроші перераховано за річними курсами з даних і розподілено на строк кожного зобов’язання за днями. Потреби, позначені як ілюстративні, не мають джерела. Враховано лише записи, які може бачити читач.',
};

export function briefingWords(language: BriefingLanguage): BriefingWords {
  return language === 'uk' ? UKRAINIAN : ENGLISH;
}
