// NATO_ACCESSION_CLIFF: given a hypothetical accession date (option natoAccession), the committed
// coverage that ends because agreements end on accession (onNatoAccession "ends"), by capability
// area (including the unassigned row) and year: the share of each commitment's money in a year that
// falls on or after the accession day, pro rata by days. Money of agreements that are "review"ed
// on accession is reported alongside. Severity high when at least half of the cell's committed
// money is lost, medium when some is, low when it is only under review.
import { yearOf } from '../dates.js';
import { amountDecimal, makeFinding, NONE } from '../finding.js';
import { areaLabel, moneyText, percentText } from '../format.js';
import { MONEY, type Rule } from '../model.js';
import type { ClauseReference, Finding } from '../types.js';

export const natoAccessionCliff: Rule = {
  code: 'NATO_ACCESSION_CLIFF',
  group(ctx, group) {
    const accession = ctx.options.natoAccession;
    const cells = group.cells.get('');
    if (!accession || !cells) return NONE;
    const out: Finding[] = [];
    for (const [year, cell] of [...cells.entries()].sort(([a], [b]) => a - b)) {
      if (year < yearOf(accession) || (cell.natoLost <= 0n && cell.natoReview <= 0n)) continue;
      const agreements = [...cell.natoAgreements.keys()].sort();
      const clauses: ClauseReference[] = agreements.flatMap((id) => ctx.agreement(id)?.natoClauses ?? []);
      const en = (value: bigint) => moneyText(value, ctx.currency, 'en');
      const uk = (value: bigint) => moneyText(value, ctx.currency, 'uk');
      const lost = cell.natoLost;
      const review = cell.natoReview;
      const severity = lost > 0n && lost * 2n >= cell.committed ? 'high' : lost > 0n ? 'medium' : 'low';
      const what = group.area ? `for ${areaLabel(group.area, 'en')}` : 'without a capability area';
      const whatUk = group.area ? `для спроможності ${areaLabel(group.area, 'uk')}` : 'без визначеної спроможності';
      const reviewEn = review > 0n ? ` A further ${en(review)} is in agreements to be reviewed on accession.` : '';
      const reviewUk = review > 0n ? ` Ще ${uk(review)} — за угодами, які переглядаються у разі вступу.` : '';
      out.push(
        makeFinding(
          'NATO_ACCESSION_CLIFF',
          severity,
          [group.beneficiary, group.area, year],
          {
            beneficiary: group.beneficiary,
            capabilityArea: group.area,
            year,
            natoAccession: accession,
            agreementIds: agreements,
            lost: amountDecimal(ctx, MONEY, lost),
            underReview: amountDecimal(ctx, MONEY, review),
          },
          clauses,
          {
            message:
              lost > 0n
                ? `If ${group.beneficiary} joins NATO on ${accession}, agreements that end on accession take away ${en(lost)} of the ${en(cell.committed)} committed ${what} in ${year} (${percentText(lost, cell.committed, 'en')}).${reviewEn} Agreements: ${agreements.join(', ')}.`
                : `If ${group.beneficiary} joins NATO on ${accession}, ${en(review)} of the ${en(cell.committed)} committed ${what} in ${year} (${percentText(review, cell.committed, 'en')}) is in agreements to be reviewed on accession. Agreements: ${agreements.join(', ')}.`,
            messageUk:
              lost > 0n
                ? `Якщо ${group.beneficiary} вступить до НАТО ${accession}, угоди, що припиняються зі вступом, заберуть ${uk(lost)} із ${uk(cell.committed)} зобов’язань ${whatUk} на ${year} рік (${percentText(lost, cell.committed, 'uk')}).${reviewUk} Угоди: ${agreements.join(', ')}.`
                : `Якщо ${group.beneficiary} вступить до НАТО ${accession}, ${uk(review)} із ${uk(cell.committed)} зобов’язань ${whatUk} на ${year} рік (${percentText(review, cell.committed, 'uk')}) припадає на угоди, які переглядаються у разі вступу. Угоди: ${agreements.join(', ')}.`,
            remedy: 'Agree in advance what replaces these commitments after accession (NATO common funding, successor arrangements), or amend the accession clauses.',
            remedyUk: 'Заздалегідь домовитися, що замінить ці зобов’язання після вступу (спільне фінансування НАТО, нові домовленості), або змінити положення про вступ.',
          },
        ),
      );
    }
    return out;
  },
};
