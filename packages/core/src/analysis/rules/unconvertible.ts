// UNCONVERTIBLE (medium): money in a currency with no exchange rate for the year it falls in
// (between it and the report currency). That money is excluded from the totals, never converted
// at another year's rate. Checked for counted commitments, requirements and counted deliveries.
import { makeFinding, NONE } from '../finding.js';
import { yearsText } from '../format.js';
import type { Rule } from '../model.js';
import type { Finding } from '../types.js';
import { clausesOf } from '../describe.js';

const REMEDY = 'Add the annual exchange rate, with its source, to the package.';
const REMEDY_UK = 'Додати до пакета річний курс валюти з джерелом.';

export const unconvertible: Rule = {
  code: 'UNCONVERTIBLE',
  commitment(ctx, state) {
    const money = state.commitment.money;
    if (!money || !state.bucket || state.unconvertibleYears.length === 0) return NONE;
    const years = yearsText(state.unconvertibleYears);
    const one = state.unconvertibleYears.length === 1;
    return [
      makeFinding(
        'UNCONVERTIBLE',
        'medium',
        ['commitment', state.id],
        { commitment: state.id, currency: money.currency, years: state.unconvertibleYears.map(String) },
        clausesOf(state),
        {
          message: `Commitment ${state.id}: no exchange rate between ${money.currency} and ${ctx.currency} for ${years}; the money falling in ${one ? 'that year' : 'those years'} is left out of the totals.`,
          messageUk: `Зобов’язання ${state.id}: немає курсу між ${money.currency} і ${ctx.currency} на ${years} ${one ? 'рік' : 'рр.'}; кошти за ${one ? 'цей рік' : 'ці роки'} не враховано в підсумках.`,
          remedy: REMEDY,
          remedyUk: REMEDY_UK,
        },
      ),
    ];
  },
  global(ctx) {
    const out: Finding[] = [];
    for (const { requirement, unconvertibleYears } of ctx.requirements()) {
      if (!requirement.money || unconvertibleYears.length === 0) continue;
      const years = yearsText(unconvertibleYears);
      const one = unconvertibleYears.length === 1;
      out.push(
        makeFinding(
          'UNCONVERTIBLE',
          'medium',
          ['requirement', requirement.id],
          { requirement: requirement.id, currency: requirement.money.currency, years: unconvertibleYears.map(String) },
          [],
          {
            message: `Requirement ${requirement.id}: no exchange rate between ${requirement.money.currency} and ${ctx.currency} for ${years}; the requirement in ${one ? 'that year' : 'those years'} is left out, so gaps there are understated.`,
            messageUk: `Потреба ${requirement.id}: немає курсу між ${requirement.money.currency} і ${ctx.currency} на ${years} ${one ? 'рік' : 'рр.'}; потребу за ${one ? 'цей рік' : 'ці роки'} не враховано, тож дефіцит занижено.`,
            remedy: REMEDY,
            remedyUk: REMEDY_UK,
          },
        ),
      );
    }
    for (const flow of ctx.flows()) {
      if (!flow.counted || !flow.unconvertible || !flow.flow.money) continue;
      out.push(
        makeFinding(
          'UNCONVERTIBLE',
          'medium',
          ['flow', flow.flow.id],
          { flow: flow.flow.id, commitment: flow.flow.commitmentId, currency: flow.flow.money.currency, years: [String(flow.year)] },
          [],
          {
            message: `Delivery ${flow.flow.id}: no exchange rate between ${flow.flow.money.currency} and ${ctx.currency} for ${flow.year}; it is left out of the delivered totals.`,
            messageUk: `Постачання ${flow.flow.id}: немає курсу між ${flow.flow.money.currency} і ${ctx.currency} на ${flow.year} рік; його не враховано в обсягах поставленого.`,
            remedy: REMEDY,
            remedyUk: REMEDY_UK,
          },
        ),
      );
    }
    return out;
  },
};
