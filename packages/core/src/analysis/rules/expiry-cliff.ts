// EXPIRY_CLIFF: a year in which commitments worth at least 25 % (option expiryCliffShare) of a
// capability area's committed coverage that year end and are not renewed by the following year.
// Per provider: unrenewed = max(0, its committed money in the year from commitments whose period
// ends that year − its committed money in the following year from commitments starting then);
// the cliff is the sum over providers. Years before the analysis day's year are history and not
// flagged. Severity high when the cliff is at least half of the year's coverage, else medium.
import { yearOf } from '../dates.js';
import { amountDecimal, makeFinding, NONE, partnersOf } from '../finding.js';
import { areaHeading, moneyText, percentText } from '../format.js';
import { MONEY, type Cell, type ProviderSlot, type Rule } from '../model.js';
import type { Finding } from '../types.js';
import { truncatedMap } from '../describe.js';
import { objectList } from '../object-list.js';
import { compareCodeUnits, sortShort } from '../short-sort.js';

export const expiryCliff: Rule = {
  code: 'EXPIRY_CLIFF',
  group(ctx, group) {
    const cells = group.cells.get('');
    if (group.area === null || !cells) return NONE;
    const from = yearOf(ctx.asOf);
    let out: Finding[] | null = null;
    const years = sortShort([...cells.keys()], (a, b) => a - b);
    for (const year of years) {
      const cell = cells.get(year) as Cell;
      if (year < from || cell.committed <= 0n) continue;
      const next = cells.get(year + 1)?.providers;
      // The total first, without a list: most years are no cliff.
      const cliff = unrenewedTotal(cell.providers, next);
      if (cliff <= 0n || cliff * 1_000_000n < ctx.options.ppm.expiryCliff * cell.committed) continue;
      const unrenewed = unrenewedByProvider(cell.providers, next);
      sortShort(unrenewed, ([pa, a], [pb, b]) => (a > b ? -1 : a < b ? 1 : pa < pb ? -1 : 1));
      const list = (lang: 'en' | 'uk') =>
        truncatedMap(unrenewed, 5, lang, ([partner, amount]) => `${partner} ${moneyText(amount, ctx.currency, lang)}`);
      const en = (value: bigint) => moneyText(value, ctx.currency, 'en');
      const uk = (value: bigint) => moneyText(value, ctx.currency, 'uk');
      (out ??= []).push(
        makeFinding(
          'EXPIRY_CLIFF',
          cliff * 2n >= cell.committed ? 'high' : 'medium',
          [group.beneficiary, group.area, year],
          {
            beneficiary: group.beneficiary,
            capabilityArea: group.area,
            year,
            partners: sortShort(partnersOf(unrenewed), compareCodeUnits),
            amount: amountDecimal(ctx, MONEY, cliff),
          },
          ctx.endingClauses(cell),
          {
            message: `${areaHeading(group.area, 'en')}, ${group.beneficiary}: commitments worth ${en(cliff)} (${percentText(cliff, cell.committed, 'en')} of the ${en(cell.committed)} committed for ${year}) end in ${year} and are not renewed for ${year + 1}: ${list('en')}.`,
            messageUk: `${areaHeading(group.area, 'uk')}, ${group.beneficiary}: зобов’язання на ${uk(cliff)} (${percentText(cliff, cell.committed, 'uk')} від ${uk(cell.committed)} на ${year} рік) спливають у ${year} році й не поновлені на ${year + 1} рік: ${list('uk')}.`,
            remedy: ctx.sharedText(`EXPIRY_CLIFF:en:${year}`, () => `Negotiate renewals or successor commitments for ${year + 1} before the current ones end.`),
            remedyUk: ctx.sharedText(`EXPIRY_CLIFF:uk:${year}`, () => `Домовитися про поновлення або нові зобов’язання на ${year + 1} рік до завершення чинних.`),
          },
        ),
      );
    }
    return out ?? NONE;
  },
};

type Slots = ReadonlyMap<string, ProviderSlot>;

/** What a provider's commitments ending in the year leave unrenewed: its ending money less what it starts the next year. */
function unrenewedOf(slot: ProviderSlot, next: Slots | undefined, partner: string): bigint {
  if (slot.ending <= 0n) return 0n;
  const renewed = next?.get(partner)?.starting ?? 0n;
  return slot.ending > renewed ? slot.ending - renewed : 0n;
}

function unrenewedTotal(providers: Slots, next: Slots | undefined): bigint {
  let total = 0n;
  // forEach, not for-of: no [key, value] pair per provider (this runs for every cell).
  providers.forEach((slot, partner) => {
    total += unrenewedOf(slot, next, partner);
  });
  return total;
}

function unrenewedByProvider(providers: Slots, next: Slots | undefined): [string, bigint][] {
  const out = objectList<[string, bigint]>();
  providers.forEach((slot, partner) => {
    const amount = unrenewedOf(slot, next, partner);
    if (amount > 0n) out.push([partner, amount]);
  });
  return out;
}
