// Drafts of commitments and agreement terms for a person to confirm. Nothing here is a fact
// until reviewed: every proposal carries the spans it was read from.
import type { Commitment, Consultation } from '../schema/entities.js';
import type { CapabilityArea, CommitmentCategory, ConsultationTrigger, Firmness } from '../schema/vocabulary.js';
import { classifyClause, scoreTopics, type Topic } from './classify.js';
import { extractFromClause, type Extraction } from './extract.js';

export interface ClauseLike {
  ref: string;
  text: string;
  /** Offset in the document, so evidence can point there too. */
  start?: number;
  topics?: readonly string[];
}

export interface Evidence {
  clauseRef: string;
  kind: Extraction['kind'] | 'firmness' | 'category' | 'capability';
  /** Offsets into the clause text. */
  start: number;
  end: number;
  text: string;
}

export type ProposedCommitment = Pick<
  Commitment,
  'id' | 'agreementId' | 'clauseRef' | 'provider' | 'beneficiary' | 'category' | 'firmness' | 'conditions'
> &
  Partial<Pick<Commitment, 'capabilityArea' | 'money' | 'quantity' | 'shareOfGdp' | 'period' | 'description'>> & {
    evidence: Evidence[];
  };

export interface ProposeOptions {
  agreementId: string;
  provider: string;
  beneficiary: string;
}

const TOPIC_CATEGORY: Partial<Record<Topic, CommitmentCategory>> = {
  equipment: 'equipment',
  'defence-industry': 'defence-industry',
  training: 'training',
  intelligence: 'intelligence',
  'cyber-hybrid': 'cyber-hybrid',
  'economic-energy': 'economic',
  'financial-reform': 'financial-reform',
  sanctions: 'sanctions',
  accountability: 'accountability',
  consultation: 'consultation',
};

const CAPABILITIES: [RegExp, CapabilityArea][] = [
  [/air\s+defen[cs]e|défense\s+(?:aérienne|antiaérienne)|протиповітрян|ППО/iu, 'air-defence'],
  [/\bdrones?\b|\bUAVs?\b|unmanned|дрон|БпЛА/iu, 'drones'],
  [/demining|mine\s+action|minehunt|déminage|розмінуванн/iu, 'demining'],
  [/F-16|fighter|combat\s+aircraft|air\s+force|ASC\s*890|airborne\s+early\s+warning|avions?\s+de\s+combat|літак/iu, 'air-force'],
  [/artillery|howitzer|shells?\b|obus|artillerie|артилер|снаряд/iu, 'artillery'],
  [/\btanks?\b|armou?red|blindés|chars\b|бронетехн|танк/iu, 'armour'],
  [/maritime|naval|Black\s+Sea|vessels?|boats?|navires?|морськ/iu, 'maritime'],
  [/electronic\s+warfare|guerre\s+électronique|РЕБ/iu, 'electronic-warfare'],
  [/long-range|longue\s+portée|далекобійн/iu, 'long-range-strike'],
  [/\bcyber|\bIT\s+coalition|кібер/iu, 'it-cyber'],
  [/\benergy\b|énergi|енергет/iu, 'energy'],
  [/humanitarian|humanitaire|гуманітар/iu, 'humanitarian'],
  [/budget(?:ary)?\s+support|macro-?financial|soutien\s+budgétaire/iu, 'financial'],
];

const CONDITIONAL: [RegExp, NonNullable<Commitment['conditions']>[number]['type']][] = [
  [/subject\s+to\s+(?:the\s+)?(?:approval\s+of\s+(?:the\s+)?(?:Parliament|Congress|Storting|Riksdag|Bundestag)|parliamentary\s+(?:approval|authori[sz]ation))|sous\s+réserve\s+de\s+l['’]approbation\s+(?:du|par\s+le)\s+Parlement|parliamentary\s+approval/iu, 'parliamentary-approval'],
  [/subject\s+to\s+(?:the\s+)?(?:adoption|passage|enactment)\s+of|pending\s+legislation|sous\s+réserve\s+de\s+l['’]adoption/iu, 'pending-legislation'],
  [/end-?use|utilisation\s+finale/iu, 'end-use-restriction'],
  [/subject\s+to\s+(?:the\s+)?(?:availability\s+of\s+(?:funds|resources)|budgetary|national\s+(?:budgetary\s+)?procedures)|sous\s+réserve\s+(?:des\s+procédures|de\s+la\s+disponibilité)/iu, 'other'],
];
const INTENDED = /\b(?:intends?\s+to|intend|aims?\s+to|seeks?\s+to|envisages?|plans?\s+to|will\s+explore|will\s+seek|endeavour)|a\s+l['’]intention\s+de|entend\b|envisage|prévoit\s+de|має\s+намір/iu;
const BINDING = /\bshall\b|s['’]engage(?:nt)?\s+à|зобов['’]язу/iu;

function clamp(text: string, match: RegExpExecArray | null, clauseRef: string, kind: Evidence['kind']): Evidence | null {
  if (!match) return null;
  return { clauseRef, kind, start: match.index, end: match.index + match[0].length, text: match[0] };
}

function idPart(ref: string): string {
  return ref.replace(/[^A-Za-z0-9._:-]+/gu, '-').replace(/^-+|-+$/gu, '');
}

function firmnessOf(text: string, ref: string): { firmness: Firmness; conditions: Commitment['conditions']; evidence: Evidence[] } {
  const evidence: Evidence[] = [];
  const conditions: Commitment['conditions'] = [];
  for (const [pattern, type] of CONDITIONAL) {
    const match = pattern.exec(text);
    if (match) {
      conditions.push({ type, text: match[0] });
      const found = clamp(text, match, ref, 'firmness');
      if (found) evidence.push(found);
    }
  }
  if (conditions.length > 0) return { firmness: 'conditional', conditions, evidence };
  const intended = INTENDED.exec(text);
  if (intended) {
    const found = clamp(text, intended, ref, 'firmness');
    return { firmness: 'intended', conditions, evidence: found ? [found] : [] };
  }
  const binding = BINDING.exec(text);
  const found = clamp(text, binding, ref, 'firmness');
  return { firmness: 'pledged', conditions, evidence: found ? [found] : [] };
}

function categoryOf(clause: ClauseLike): CommitmentCategory {
  const scores = scoreTopics(clause.text);
  const topics = (clause.topics && clause.topics.length > 0 ? clause.topics : classifyClause(clause.text)) as Topic[];
  let best: CommitmentCategory | undefined;
  let bestScore = -1;
  for (const topic of topics) {
    const category = TOPIC_CATEGORY[topic];
    if (category && (scores[topic] ?? 0.5) > bestScore) {
      best = category;
      bestScore = scores[topic] ?? 0.5;
    }
  }
  return best ?? 'equipment';
}

function nearest(target: Extraction, candidates: Extraction[]): Extraction | undefined {
  let best: Extraction | undefined;
  let distance = Infinity;
  for (const candidate of candidates) {
    const d = Math.abs(candidate.span.start - target.span.start);
    if (d < distance) {
      best = candidate;
      distance = d;
    }
  }
  return best;
}

/** One proposal per amount, share of GDP or item quantity found in the clauses. */
export function proposeCommitments(clauses: readonly ClauseLike[], options: ProposeOptions): ProposedCommitment[] {
  const proposals: ProposedCommitment[] = [];
  for (const clause of clauses) {
    const extractions = extractFromClause(clause.text);
    const figures = extractions.filter((e) => e.kind === 'money' || e.kind === 'gdp-share' || e.kind === 'quantity');
    if (figures.length === 0) continue;
    const periods = extractions.filter((e) => e.kind === 'period');
    const category = categoryOf(clause);
    const { firmness, conditions, evidence: firmEvidence } = firmnessOf(clause.text, clause.ref);
    let n = 0;
    for (const figure of figures) {
      n++;
      const evidence: Evidence[] = [{ clauseRef: clause.ref, kind: figure.kind, start: figure.span.start, end: figure.span.end, text: figure.text }];
      const local = clause.text.slice(Math.max(0, figure.span.start - 120), figure.span.end + 120);
      let capabilityArea: CapabilityArea | undefined;
      for (const [pattern, area] of CAPABILITIES) {
        const match = pattern.exec(local) ?? pattern.exec(clause.text);
        if (match) {
          capabilityArea = area;
          break;
        }
      }
      const period = nearest(figure, periods);
      if (period) evidence.push({ clauseRef: clause.ref, kind: 'period', start: period.span.start, end: period.span.end, text: period.text });
      evidence.push(...firmEvidence);
      const proposal: ProposedCommitment = {
        id: `${idPart(options.agreementId)}:${idPart(clause.ref) || 'clause'}:${n}`,
        agreementId: options.agreementId,
        clauseRef: clause.ref,
        provider: options.provider,
        beneficiary: options.beneficiary,
        category,
        firmness,
        conditions,
        ...(capabilityArea ? { capabilityArea } : {}),
        ...(period && period.kind === 'period' ? { period: period.value } : {}),
        description: clause.text.length > 200 ? `${clause.text.slice(0, 197)}…` : clause.text,
        evidence,
      };
      if (figure.kind === 'money') proposal.money = figure.value;
      else if (figure.kind === 'gdp-share') proposal.shareOfGdp = figure.value;
      else if (figure.kind === 'quantity') proposal.quantity = { value: figure.value.value, item: figure.value.item, ...(figure.value.qualifier ? { qualifier: figure.value.qualifier } : {}) };
      proposals.push(proposal);
    }
  }
  return proposals;
}

export interface ProposedTerms {
  durationYears?: { value: number; clauseRef: string; evidence: Evidence };
  consultation?: { value: Consultation; clauseRef: string; evidence: Evidence };
  onNatoAccession?: { value: 'ends' | 'continues' | 'review'; clauseRef: string; evidence: Evidence };
  termination?: { value: { noticeMonths: number; byEitherParty?: boolean }; clauseRef: string; evidence: Evidence };
}

function triggerOf(text: string): ConsultationTrigger {
  if (/escalation|escalade|ескалац/iu.test(text)) return 'armed-attack-or-significant-escalation';
  if (/threat|menace|загроз/iu.test(text)) return 'armed-attack-or-threat';
  return 'armed-attack';
}

/** Agreement-level terms: duration, consultation deadline, effect of NATO accession, notice. */
export function proposeTerms(clauses: readonly ClauseLike[]): ProposedTerms {
  const terms: ProposedTerms = {};
  // Classify each clause once (or reuse its topics), not once per comparison of the sort.
  const isTermClause = (clause: ClauseLike) => (clause.topics ?? classifyClause(clause.text)).includes('termination-duration');
  const ordered = [...clauses.filter(isTermClause), ...clauses.filter((clause) => !isTermClause(clause))];
  for (const clause of ordered) {
    for (const e of extractFromClause(clause.text)) {
      const evidence: Evidence = { clauseRef: clause.ref, kind: e.kind, start: e.span.start, end: e.span.end, text: e.text };
      if (e.kind === 'duration' && !terms.durationYears) terms.durationYears = { value: e.value.years, clauseRef: clause.ref, evidence };
      else if (e.kind === 'consultation-deadline' && !terms.consultation) {
        terms.consultation = {
          value: { trigger: triggerOf(clause.text), withinHours: e.value.withinHours, ...(e.value.bestEffort ? { bestEffort: true } : {}), wording: e.text },
          clauseRef: clause.ref,
          evidence,
        };
      } else if (e.kind === 'nato-accession' && !terms.onNatoAccession) terms.onNatoAccession = { value: e.value.effect, clauseRef: clause.ref, evidence };
      else if (e.kind === 'notice-period' && !terms.termination) {
        const either = /either\s+(?:Participant|Party|Side)|chacune\s+des\s+(?:Parties|Participants)|l['’]une\s+ou\s+l['’]autre/iu.test(clause.text);
        terms.termination = { value: { noticeMonths: e.value.months, ...(either ? { byEitherParty: true } : {}) }, clauseRef: clause.ref, evidence };
      }
    }
  }
  return terms;
}
