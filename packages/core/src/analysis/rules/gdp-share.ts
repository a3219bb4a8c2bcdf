// GDP_SHARE_NOT_COUNTED (info): a counted commitment pledging a share of GDP. Without GDP figures
// it cannot be turned into money, so it is not counted in coverage; no GDP figure is ever invented.
import { makeFinding, NONE } from '../finding.js';
import type { Rule } from '../model.js';
import { clausesOf, gdpText, periodText } from '../describe.js';

export const gdpShareNotCounted: Rule = {
  code: 'GDP_SHARE_NOT_COUNTED',
  commitment(_ctx, state) {
    const share = state.commitment.shareOfGdp;
    if (!share || !state.bucket) return NONE;
    const period = state.span ? ` (${periodText(state)})` : '';
    return [
      makeFinding('GDP_SHARE_NOT_COUNTED', 'info', [state.id], { commitment: state.id, partner: state.provider, fraction: share.fraction }, clausesOf(state), {
        message: `Commitment ${state.id} pledges ${gdpText(share.fraction, share.perYear === true, 'en')}${period}; without GDP figures it is not converted to money and not counted in coverage.`,
        messageUk: `Зобов’язання ${state.id} передбачає ${gdpText(share.fraction, share.perYear === true, 'uk')}${period}; без даних про ВВП його не переведено в гроші й не враховано в покритті.`,
        remedy: 'Record the amounts the provider budgets each year, with their sources, as money commitments that restate this one (countsAs).',
        remedyUk: 'Внести суми, які партнер закладає щороку, з джерелами, як грошові зобов’язання, що повторюють це (countsAs).',
      }),
    ];
  },
};
