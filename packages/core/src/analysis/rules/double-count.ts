// DOUBLE_COUNT: a commitment whose countsAs names another restates it, so the money is counted
// once: the restating commitment counts in its own capability area and only the rest of the
// original (original less everything restating it, never below zero) counts in the original's.
// The finding names both. Severity info (the engine already counts the money once); low when the
// restatement is larger than the original in the same currency; medium when countsAs links form a
// cycle, which the engine breaks by treating the cycle's smallest id as the original.
import { parseMoney } from '../../money/money.js';
import { makeFinding, NONE } from '../finding.js';
import type { CommitmentState, Rule } from '../model.js';
import { clausesOf, inArea, pledgeText } from '../describe.js';

function larger(child: CommitmentState, parent: CommitmentState): boolean {
  const a = child.commitment.money;
  const b = parent.commitment.money;
  if (!a || !b || a.currency !== b.currency || (a.perYear === true) !== (b.perYear === true)) return false;
  return parseMoney(a.amount, a.currency).minor > parseMoney(b.amount, b.currency).minor;
}

export const doubleCount: Rule = {
  code: 'DOUBLE_COUNT',
  commitment(ctx, state) {
    const parent = ctx.commitment(state.commitment.countsAs);
    if (!parent) return NONE;
    const subject = { commitment: state.id, countsAs: parent.id, partner: state.provider };
    if (!ctx.effectiveParent(state)) {
      const cycle = ctx.cycleOf(state).map((member) => member.id);
      const chain = [...cycle, state.id].join(' → ');
      return [
        makeFinding('DOUBLE_COUNT', 'medium', [state.id, parent.id], { ...subject, cycle }, clausesOf(...ctx.cycleOf(state)), {
          message: `Commitments ${chain} restate one another in a cycle (countsAs); ${state.id} is counted as the original and the others as parts of it.`,
          messageUk: `Зобов’язання ${chain} повторюють одне одного по колу (countsAs); ${state.id} враховано як первинне, решту — як його частини.`,
          remedy: 'Break the cycle: the original commitment must not have countsAs.',
          remedyUk: 'Розірвати коло: первинне зобов’язання не повинно мати countsAs.',
        }),
      ];
    }
    const big = larger(state, parent);
    const same = state.area === parent.area;
    return [
      makeFinding('DOUBLE_COUNT', big ? 'low' : 'info', [state.id, parent.id], subject, clausesOf(state, parent), {
        message:
          `Commitment ${state.id} (${pledgeText(state, 'en')}, ${inArea(state, 'en')}) restates commitment ${parent.id} (${pledgeText(parent, 'en')}, ${inArea(parent, 'en')}), so the money is counted once` +
          (same ? '.' : `: ${state.id} counts ${inArea(state, 'en')} and only the rest of ${parent.id} ${inArea(parent, 'en')}.`) +
          (big ? ' The restatement is larger than the commitment it restates; check the link.' : ''),
        messageUk:
          `Зобов’язання ${state.id} (${pledgeText(state, 'uk')}, ${inArea(state, 'uk')}) повторює зобов’язання ${parent.id} (${pledgeText(parent, 'uk')}, ${inArea(parent, 'uk')}), тому кошти враховано один раз` +
          (same ? '.' : `: ${state.id} — ${inArea(state, 'uk')}, а решту ${parent.id} — ${inArea(parent, 'uk')}.`) +
          (big ? ' Воно більше за зобов’язання, яке повторює; перевірте зв’язок.' : ''),
        remedy: big
          ? 'Check the countsAs link and the two amounts; correct whichever is wrong.'
          : 'Nothing to do if the link is right; if the two are separate money, remove countsAs so both count.',
        remedyUk: big
          ? 'Перевірити зв’язок countsAs і обидві суми; виправити помилкову.'
          : 'Дій не потрібно, якщо зв’язок правильний; якщо це окремі кошти, приберіть countsAs, щоб урахувати обидва.',
      }),
    ];
  },
};
