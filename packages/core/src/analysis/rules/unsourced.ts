// UNSOURCED (low): an agreement, commitment or requirement with no source. Every figure in Compact
// should carry one; an illustrative requirement needs one too (the basis it was derived from).
import { makeFinding, NONE } from '../finding.js';
import type { Rule } from '../model.js';
import type { Finding } from '../types.js';
import { clausesOf } from '../describe.js';

const REMEDY = 'Add the source (URL or document title) the record comes from.';
const REMEDY_UK = 'Додати джерело (URL або назву документа), з якого взято запис.';

export const unsourced: Rule = {
  code: 'UNSOURCED',
  commitment(_ctx, state) {
    if ((state.commitment.sources ?? []).length > 0) return NONE;
    return [
      makeFinding('UNSOURCED', 'low', ['commitment', state.id], { commitment: state.id }, clausesOf(state), {
        message: `Commitment ${state.id} has no source.`,
        messageUk: `Зобов’язання ${state.id} не має джерела.`,
        remedy: REMEDY,
        remedyUk: REMEDY_UK,
      }),
    ];
  },
  global(ctx) {
    const out: Finding[] = [];
    for (const { agreement } of ctx.agreements()) {
      if ((agreement.sources ?? []).length > 0) continue;
      out.push(
        makeFinding('UNSOURCED', 'low', ['agreement', agreement.id], { agreementId: agreement.id }, [], {
          message: `Agreement ${agreement.id} has no source.`,
          messageUk: `Угода ${agreement.id} не має джерела.`,
          remedy: REMEDY,
          remedyUk: REMEDY_UK,
        }),
      );
    }
    for (const { requirement } of ctx.requirements()) {
      if ((requirement.sources ?? []).length > 0) continue;
      out.push(
        makeFinding('UNSOURCED', 'low', ['requirement', requirement.id], { requirement: requirement.id }, [], {
          message: `Requirement ${requirement.id} (${requirement.basis}) has no source.`,
          messageUk: `Потреба ${requirement.id} (${requirement.basis === 'illustrative' ? 'ілюстративна' : 'із джерел'}) не має джерела.`,
          remedy: REMEDY,
          remedyUk: REMEDY_UK,
        }),
      );
    }
    return out;
  },
};
