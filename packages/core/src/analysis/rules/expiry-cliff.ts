// EXPIRY_CLIFF: a year in which commitments worth at least 25 % (option expiryCliffShare) of a
// capability area's committed coverage that year end and are not renewed by the following year.
// Per provider: unrenewed = max(0, its committed money in the year from commitments whose period
// ends that year − its committed money in the following year from commitments starting then);
// the cliff is the sum over providers. Years before the analysis day's year are history and not
// flagged. Severity high when the cliff is at least half of the year's coverage, else medium.
import { yearOf } from '../dates.js';
import { amountDecimal, clauseRefsOf, makeFinding, NONE } from '../finding.js';
import { areaHeading, moneyText, percentText } from '../format.js';
import { MONEY, type Rule } from '../model.js';
import type { Finding } from '../types.js';
import { truncatedMap } from '../describe.js';

export const expiryCliff: Rule = {
  code: 'EXPIRY_CLIFF',
  group(ctx, group) {
    const cells = group.cells.get('');
    if (group.area === null || !cells) return NONE;
    const from = yearOf(ctx.asOf);
    const out: Finding[] = [];
    for (const [year, cell] of [...cells.entries()].sort(([a], [b]) => a - b)) {
      if (year < from || cell.committed <= 0n) continue;
      const next = cells.get(year + 1);
      const unrenewed: [string, bigint][] = [];
      let cliff = 0n;
      for (const [partner, { ending }] of cell.providers) {
        if (ending <= 0n) continue;
        const renewed = next?.providers.get(partner)?.starting ?? 0n;
        if (ending > renewed) {
          unrenewed.push([partner, ending - renewed]);
          cliff += ending - renewed;
        }
      }
      if (cliff <= 0n || cliff * 1_000_000n < ctx.options.ppm.expiryCliff * cell.committed) continue;
      unrenewed.sort(([pa, a], [pb, b]) => (a > b ? -1 : a < b ? 1 : pa < pb ? -1 : 1));
      const list = (lang: 'en' | 'uk') =>
        truncatedMap(unrenewed, 5, lang, ([partner, amount]) => `${partner} ${moneyText(amount, ctx.currency, lang)}`);
      const en = (value: bigint) => moneyText(value, ctx.currency, 'en');
      const uk = (value: bigint) => moneyText(value, ctx.currency, 'uk');
      out.push(
        makeFinding(
          'EXPIRY_CLIFF',
          cliff * 2n >= cell.committed ? 'high' : 'medium',
          [group.beneficiary, group.area, year],
          {
            beneficiary: group.beneficiary,
            capabilityArea: group.area,
            year,
            partners: unrenewed.map(([partner]) => partner).sort(),
            amount: amountDecimal(ctx, MONEY, cliff),
          },
          clauseRefsOf(ctx, cell.endingClauses.keys()),
          {
            message: `${areaHeading(group.area, 'en')}, ${group.beneficiary}: commitments worth ${en(cliff)} (${percentText(cliff, cell.committed, 'en')} of the ${en(cell.committed)} committed for ${year}) end in ${year} and are not renewed for ${year + 1}: ${list('en')}.`,
            messageUk: `${areaHeading(group.area, 'uk')}, ${group.beneficiary}: зобов’язання на ${uk(cliff)} (${percentText(cliff, cell.committed, 'uk')} від ${uk(cell.committed)} на ${year} рік) спливають у ${year} році й не поновлені на ${year + 1} рік: ${list('uk')}.`,
            remedy: `Negotiate renewals or successor commitments for ${year + 1} before the current ones end.`,
            remedyUk: `Домовитися про поновлення або нові зобов’язання на ${year + 1} рік до завершення чинних.`,
          },
        ),
      );
    }
    return out;
  },
};
