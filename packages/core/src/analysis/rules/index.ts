// The rule registry. Adding a rule is adding a file beside this one and a line here.
import type { Rule } from '../model.js';
import { concentration } from './concentration.js';
import { conflictingTerms } from './conflicting-terms.js';
import { consultationMismatch } from './consultation-mismatch.js';
import { doubleCount } from './double-count.js';
import { expiryCliff } from './expiry-cliff.js';
import { fragmentation } from './fragmentation.js';
import { gap } from './gap.js';
import { gdpShareNotCounted } from './gdp-share.js';
import { leadWithoutCommitment } from './lead-without-commitment.js';
import { natoAccessionCliff } from './nato-accession-cliff.js';
import { noConsultation } from './no-consultation.js';
import { noPeriod } from './no-period.js';
import { outsideValidity } from './outside-validity.js';
import { possibleDoubleCount } from './possible-double-count.js';
import { redundancy } from './redundancy.js';
import { singleGuarantor } from './single-guarantor.js';
import { unconvertible } from './unconvertible.js';
import { unsignedCounted } from './unsigned-counted.js';
import { unsourced } from './unsourced.js';

export const RULES: readonly Rule[] = [
  gap,
  singleGuarantor,
  concentration,
  redundancy,
  doubleCount,
  possibleDoubleCount,
  outsideValidity,
  expiryCliff,
  noConsultation,
  consultationMismatch,
  natoAccessionCliff,
  unsignedCounted,
  leadWithoutCommitment,
  fragmentation,
  unconvertible,
  unsourced,
  conflictingTerms,
  noPeriod,
  gdpShareNotCounted,
];
