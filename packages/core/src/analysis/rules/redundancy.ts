// REDUNDANCY (info): a requirement covered at least 150 % (option redundancyThreshold) by two or
// more providers; exactly 150 % is flagged. The surplus could go to areas with gaps.
import { amountDecimal, amountText, cellHeading, cellSubject, makeFinding, NONE } from '../finding.js';
import { percentText } from '../format.js';
import type { Rule } from '../model.js';

export const redundancy: Rule = {
  code: 'REDUNDANCY',
  cell(ctx, cell) {
    if (cell.area === null || cell.required <= 0n || cell.providers.size < 2) return NONE;
    if (cell.committed * 1_000_000n < ctx.options.ppm.redundancy * cell.required) return NONE;
    const surplus = cell.committed - cell.required;
    const { subject, idParts } = cellSubject(cell);
    const en = (value: bigint) => amountText(ctx, cell.measure, value, 'en');
    const uk = (value: bigint) => amountText(ctx, cell.measure, value, 'uk');
    const n = cell.providers.size;
    return [
      makeFinding(
        'REDUNDANCY',
        'info',
        idParts,
        { ...subject, surplus: amountDecimal(ctx, cell.measure, surplus) },
        ctx.cellClauses(cell),
        {
          message: `${cellHeading(cell, 'en')}: ${en(cell.committed)} committed by ${n} providers is ${percentText(cell.committed, cell.required, 'en')} of the ${en(cell.required)} required; ${en(surplus)} above the requirement could go to areas with gaps.`,
          messageUk: `${cellHeading(cell, 'uk')}: зобов’язання ${n} постачальників на ${uk(cell.committed)} становлять ${percentText(cell.committed, cell.required, 'uk')} від потрібних ${uk(cell.required)}; надлишок ${uk(surplus)} можна спрямувати на спроможності з дефіцитом.`,
          remedy: 'Ask the providers whether part of the surplus can be redirected to capability areas or years with gaps.',
          remedyUk: 'Узгодити з постачальниками, чи можна частину надлишку перенаправити на спроможності або роки з дефіцитом.',
        },
      ),
    ];
  },
};
