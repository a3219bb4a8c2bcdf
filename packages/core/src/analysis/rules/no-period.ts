// NO_PERIOD: a counted commitment with money or a quantity but no period. Decision: it is counted
// in the calendar year its agreement was signed (low: the year is an assumption); a coalition
// contribution without an agreement has no date to go by and is left out of coverage (medium).
import { makeFinding, NONE } from '../finding.js';
import type { Rule } from '../model.js';
import { clausesOf } from '../describe.js';

export const noPeriod: Rule = {
  code: 'NO_PERIOD',
  commitment(ctx, state) {
    const c = state.commitment;
    if (c.period || !state.bucket || (!c.money && !c.quantity)) return NONE;
    const remedy = 'Record the period the money or items cover.';
    const remedyUk = 'Зазначити період, який охоплюють кошти чи постачання.';
    if (state.span) {
      const year = state.span.fromYear;
      return [
        makeFinding('NO_PERIOD', 'low', [state.id], { commitment: state.id, agreementId: c.agreementId, countedIn: year }, clausesOf(state), {
          message: `Commitment ${state.id} has no period; it is counted in ${year}, the year its agreement ${c.agreementId ?? ''} was signed.`,
          messageUk: `Зобов’язання ${state.id} не має періоду; його враховано у ${year} році — році підписання угоди ${c.agreementId ?? ''}.`,
          remedy,
          remedyUk,
        }),
      ];
    }
    return [
      makeFinding('NO_PERIOD', 'medium', [state.id], { commitment: state.id, agreementId: c.agreementId, countedIn: null }, clausesOf(state), {
        message: `Commitment ${state.id} has no period and no signed agreement to date it by; it is left out of coverage.`,
        messageUk: `Зобов’язання ${state.id} не має ні періоду, ні підписаної угоди, за якою його можна датувати; його не враховано в покритті.`,
        remedy,
        remedyUk,
      }),
    ];
  },
};
