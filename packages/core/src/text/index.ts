export { normaliseText, normaliseTextDetailed, type NormalisedText, type RemovedLine } from './normalise.js';
export {
  segmentClauses,
  type ClauseKind,
  type SegmentedClause,
  type SegmentOptions,
  type Segmentation,
  type SkippedKind,
  type SkippedSpan,
} from './segment.js';
export { classifyClause, scoreTopics, TOPICS, G7_CATEGORIES, TOPIC_TO_G7, type Topic, type Language, type G7Category } from './classify.js';
export {
  extractFromClause,
  valueKey,
  type Extraction,
  type ExtractionKind,
  type ClauseText,
  type Span,
  type MoneyValue,
  type GdpShareValue,
  type PeriodValue,
  type DurationValue,
  type ConsultationValue,
  type NoticeValue,
  type NatoAccessionValue,
  type QuantityValue,
} from './extract.js';
export { proposeCommitments, proposeTerms, type ProposedCommitment, type ProposedTerms, type ProposeOptions, type Evidence, type ClauseLike } from './propose.js';
export {
  alignClauses,
  findNearDuplicates,
  shingles,
  jaccard,
  tokenize,
  TfIdf,
  cosine,
  type AlignOptions,
  type AlignedPair,
  type NearDuplicate,
  type NearDuplicateOptions,
  type ClauseRefText,
} from './similarity.js';
export { compareAgreements, categoryMatrix, type AgreementClauses, type AgreementComparison, type ComparedPair, type FigureDifference, type CategoryRow } from './compare.js';
export { evaluateCorpus, formatCorpusScore, type AnswerFile, type CorpusDocument, type CorpusScore, type Score } from './accuracy.js';
export { analyseAgreementText, type AgreementText, type TextClause, type TextProposal } from './agreement-text.js';
export { PROPOSAL_STATUSES, type ImportedDocument, type ProposalStatus } from './review.js';
