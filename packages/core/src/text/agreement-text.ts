// The whole text pipeline for one agreement: normalise, split, classify, propose. Pure; the edges
// read the file before and store the result after.
import type { Clause } from '../schema/entities.js';
import { classifyClause, type Language } from './classify.js';
import { normaliseTextDetailed, type RemovedLine } from './normalise.js';
import { proposeCommitments, proposeTerms, type Evidence, type ProposedCommitment, type ProposedTerms } from './propose.js';
import { segmentClauses, type ClauseKind } from './segment.js';

export interface TextClause extends Clause {
  kind: ClauseKind;
  start: number;
  end: number;
  parentRef?: string;
}

/** A proposal waiting for a person: a draft commitment, or the agreement's terms. */
export type TextProposal =
  | { kind: 'commitment'; clauseRef: string | null; draft: Omit<ProposedCommitment, 'evidence'>; evidence: Evidence[] }
  | { kind: 'terms'; clauseRef: string | null; draft: Record<string, unknown>; evidence: Evidence[] };

export interface AgreementText {
  /** The normalised text every span points into. */
  readonly text: string;
  readonly clauses: TextClause[];
  readonly proposals: TextProposal[];
  readonly warnings: string[];
  readonly removedLines: RemovedLine[];
}

function guessLanguage(text: string): Language {
  if (/[а-яіїєґ]{4,}/iu.test(text)) return 'uk';
  const french = (text.match(/\b(?:les|des|du|et|pour|dans|la|le)\b/giu) ?? []).length;
  const english = (text.match(/\b(?:the|and|of|to|will|for|in)\b/giu) ?? []).length;
  return french > english ? 'fr' : 'en';
}

function termsProposal(terms: ProposedTerms): TextProposal | undefined {
  const entries = Object.entries(terms) as Array<[string, { value: unknown; clauseRef: string; evidence: Evidence }]>;
  if (entries.length === 0) return undefined;
  const draft = Object.fromEntries(entries.map(([key, term]) => [key, term.value]));
  const refs = Object.fromEntries(entries.map(([key, term]) => [key, term.clauseRef]));
  return { kind: 'terms', clauseRef: entries[0]?.[1].clauseRef ?? null, draft: { ...draft, clauseRefs: refs }, evidence: entries.map(([, term]) => term.evidence) };
}

export function analyseAgreementText(
  raw: string,
  agreement: { agreementId: string; provider: string; beneficiary: string },
): AgreementText {
  const normalised = normaliseTextDetailed(raw);
  const segmentation = segmentClauses(normalised.text, { normalised: true });
  const language = guessLanguage(segmentation.text);
  const clauses: TextClause[] = segmentation.clauses.map((clause) => ({
    agreementId: agreement.agreementId,
    ref: clause.ref,
    ...(clause.heading ? { heading: clause.heading } : {}),
    text: clause.text,
    topics: classifyClause(clause.text, language, clause.heading ? { heading: clause.heading } : {}),
    kind: clause.kind,
    start: clause.start,
    end: clause.end,
    ...(clause.parentRef ? { parentRef: clause.parentRef } : {}),
    classification: 'public',
    sources: [],
  }));
  const proposals: TextProposal[] = proposeCommitments(clauses, agreement).map(({ evidence, ...draft }) => ({
    kind: 'commitment',
    clauseRef: draft.clauseRef ?? null,
    draft,
    evidence,
  }));
  const terms = termsProposal(proposeTerms(clauses));
  if (terms) proposals.push(terms);
  return { text: segmentation.text, clauses, proposals, warnings: segmentation.warnings, removedLines: normalised.removed };
}
