// SINGLE_GUARANTOR (high): a requirement whose committed coverage comes from exactly one provider,
// so that one partner's withdrawal removes all of it.
import { amountText, cellHeading, cellSubject, makeFinding, partnerName, NONE } from '../finding.js';
import { percentText } from '../format.js';
import type { Rule } from '../model.js';

export const singleGuarantor: Rule = {
  code: 'SINGLE_GUARANTOR',
  cell(ctx, cell) {
    if (cell.area === null || cell.required <= 0n || cell.providers.size !== 1) return NONE;
    const [provider = ''] = cell.providers.keys();
    const { subject, idParts } = cellSubject(cell);
    const en = (value: bigint) => amountText(ctx, cell.measure, value, 'en');
    const uk = (value: bigint) => amountText(ctx, cell.measure, value, 'uk');
    return [
      makeFinding('SINGLE_GUARANTOR', 'high', idParts, { ...subject, partner: provider }, ctx.cellClauses(cell), {
        message: `${cellHeading(cell, 'en')}: all committed coverage (${en(cell.committed)}, ${percentText(cell.committed, cell.required, 'en')} of the ${en(cell.required)} required) comes from one provider, ${partnerName(ctx, provider, 'en')}.`,
        messageUk: `${cellHeading(cell, 'uk')}: усе покриття (${uk(cell.committed)}, ${percentText(cell.committed, cell.required, 'uk')} від потрібних ${uk(cell.required)}) забезпечує один партнер — ${partnerName(ctx, provider, 'uk')}.`,
        remedy: 'Bring in a second provider, so that one partner’s withdrawal or delay does not remove the whole capability.',
        remedyUk: 'Залучити другого постачальника, щоб вихід чи затримка одного партнера не позбавляли всієї спроможності.',
      }),
    ];
  },
};
