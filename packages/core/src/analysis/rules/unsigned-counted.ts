// UNSIGNED_COUNTED (medium): a commitment marked binding or pledged whose agreement is not signed
// (or in force) as of the analysis day — not yet signed, or already expired or terminated. The
// engine does not count it as committed; the finding warns anyone who would.
import { makeFinding, NONE } from '../finding.js';
import { statusLabel } from '../format.js';
import type { Rule } from '../model.js';
import { clausesOf } from '../describe.js';

const FIRMNESS_UK: Record<string, string> = { binding: 'обов’язкове', pledged: 'обіцяне' };

export const unsignedCounted: Rule = {
  code: 'UNSIGNED_COUNTED',
  commitment(ctx, state) {
    const { firmness } = state.commitment;
    if (firmness !== 'binding' && firmness !== 'pledged') return NONE;
    const info = state.agreement;
    if (!info || info.active) return NONE;
    const ended = info.status === 'expired' || info.status === 'terminated';
    const status = `${statusLabel(info.status, 'en')}`;
    const statusUk = `${statusLabel(info.status, 'uk')}`;
    return [
      makeFinding(
        'UNSIGNED_COUNTED',
        'medium',
        [state.id],
        { commitment: state.id, agreementId: info.agreement.id, status: info.status ?? null, firmness },
        clausesOf(state),
        {
          message: ended
            ? `Commitment ${state.id} is marked ${firmness}, but agreement ${info.agreement.id} is no longer in force as of ${ctx.asOf} (status: ${status}); it is not counted as committed.`
            : `Commitment ${state.id} is marked ${firmness}, but agreement ${info.agreement.id} is not signed as of ${ctx.asOf} (status: ${status}); it is not counted as committed.`,
          messageUk: ended
            ? `Зобов’язання ${state.id} позначене як «${FIRMNESS_UK[firmness] ?? firmness}», але угода ${info.agreement.id} станом на ${ctx.asOf} вже не діє (статус: ${statusUk}); його не враховано як взяте.`
            : `Зобов’язання ${state.id} позначене як «${FIRMNESS_UK[firmness] ?? firmness}», але угоду ${info.agreement.id} станом на ${ctx.asOf} не підписано (статус: ${statusUk}); його не враховано як взяте.`,
          remedy: ended
            ? 'Keep it out of committed totals, or record the agreement that now carries it.'
            : 'Keep it out of committed totals until the agreement is signed, and track the signature.',
          remedyUk: ended
            ? 'Не включати його до взятих зобов’язань або внести угоду, яка тепер його містить.'
            : 'Не включати його до взятих зобов’язань до підписання угоди й відстежувати підписання.',
        },
      ),
    ];
  },
};
