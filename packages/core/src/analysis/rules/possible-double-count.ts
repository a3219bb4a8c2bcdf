// POSSIBLE_DOUBLE_COUNT (medium): two commitments of the same provider, not linked by countsAs
// (they have different originals), with the same money (currency and exact amount) in the same
// capability area (or both without one), whose periods overlap (inclusive: sharing one day is
// overlapping), in different frameworks: one in an agreement and one a coalition contribution, or
// in two different agreements or coalitions. Flagged for a person to decide. A commitment without
// a period is compared over the year it is counted in (its agreement's signature year).
import { overlaps } from '../dates.js';
import { makeFinding } from '../finding.js';
import type { Finding } from '../types.js';
import { frameworkOf, type Rule } from '../model.js';
import { clausesOf, frameworkText, inArea, periodText, pledgeText, providerOf } from '../describe.js';

export const possibleDoubleCount: Rule = {
  code: 'POSSIBLE_DOUBLE_COUNT',
  duplicates(ctx, members) {
    const out: Finding[] = [];
    for (let i = 0; i < members.length; i++) {
      const a = members[i];
      if (!a?.span) continue;
      for (let j = i + 1; j < members.length; j++) {
        const b = members[j];
        if (!b?.span || frameworkOf(a) === frameworkOf(b) || !overlaps(a.span, b.span)) continue;
        if (ctx.root(a) === ctx.root(b)) continue;
        out.push(
          makeFinding(
            'POSSIBLE_DOUBLE_COUNT',
            'medium',
            [a.id, b.id],
            { partner: a.provider, commitments: [a.id, b.id], capabilityArea: a.area },
            clausesOf(a, b),
            {
              message: `${providerOf(ctx, a, 'en')} has two unlinked commitments of ${pledgeText(a, 'en')} ${inArea(a, 'en')} with overlapping periods, ${a.id} (${frameworkText(a, 'en')}, ${periodText(a)}) and ${b.id} (${frameworkText(b, 'en')}, ${periodText(b)}): they may be the same money counted twice.`,
              messageUk: `${providerOf(ctx, a, 'uk')}: два не пов’язані зобов’язання по ${pledgeText(a, 'uk')} ${inArea(a, 'uk')} з періодами, що перетинаються, — ${a.id} (${frameworkText(a, 'uk')}, ${periodText(a)}) і ${b.id} (${frameworkText(b, 'uk')}, ${periodText(b)}): можливо, ті самі кошти враховано двічі.`,
              remedy: 'Ask the provider. If it is the same money, set countsAs on the restating commitment; if not, record that they are separate.',
              remedyUk: 'Уточнити в партнера. Якщо це ті самі кошти, вказати countsAs у зобов’язанні, що повторює інше; якщо ні — зазначити, що вони окремі.',
            },
          ),
        );
      }
    }
    return out;
  },
};
