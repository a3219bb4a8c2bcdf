// GAP: a requirement whose committed coverage is below 100 %. Severity by the coverage ratio:
// critical below 50 %, high below 80 %, medium below 100 % (thresholds are options). Exactly 100 %
// is covered. Compared exactly in integers, never through a rounded ratio.
import { amountDecimal, amountText, cellHeading, cellSubject, makeFinding, NONE } from '../finding.js';
import { areaLabel, percentText } from '../format.js';
import type { Rule } from '../model.js';

export const gap: Rule = {
  code: 'GAP',
  cell(ctx, cell) {
    if (cell.area === null || cell.required <= 0n || cell.committed >= cell.required) return NONE;
    const { committed, required, atRisk } = cell;
    const { gapCritical, gapHigh } = ctx.options.ppm;
    const scaled = committed * 1_000_000n;
    const severity = scaled < gapCritical * required ? 'critical' : scaled < gapHigh * required ? 'high' : 'medium';
    const shortfall = required - committed;
    const { subject, idParts } = cellSubject(cell);
    const en = (value: bigint) => amountText(ctx, cell.measure, value, 'en');
    const uk = (value: bigint) => amountText(ctx, cell.measure, value, 'uk');
    const riskEn =
      atRisk > 0n ? ` A further ${en(atRisk)} is committed at risk (conditional, or awaiting parliamentary approval or legislation).` : '';
    const riskUk =
      atRisk > 0n
        ? ` Ще ${uk(atRisk)} — під ризиком (умовні зобов’язання або такі, що очікують схвалення парламентом чи ухвалення закону).`
        : '';
    return [
      makeFinding(
        'GAP',
        severity,
        idParts,
        { ...subject, shortfall: amountDecimal(ctx, cell.measure, shortfall) },
        ctx.cellClauses(cell),
        {
          message: `${cellHeading(cell, 'en')}: ${en(committed)} committed of ${en(required)} required (${percentText(committed, required, 'en')}); shortfall ${en(shortfall)}.${riskEn}`,
          messageUk: `${cellHeading(cell, 'uk')}: зобов’язання покривають ${uk(committed)} із потрібних ${uk(required)} (${percentText(committed, required, 'uk')}); бракує ${uk(shortfall)}.${riskUk}`,
          remedy: ctx.sharedText(`GAP:en:${cell.area}:${cell.year}:${atRisk > 0n}`, () => `Seek further commitments for ${areaLabel(cell.area, 'en')} in ${cell.year} through the capability coalition or partners with unallocated money${atRisk > 0n ? ', and firm up the commitments at risk' : ''}.`),
          remedyUk: ctx.sharedText(`GAP:uk:${cell.area}:${cell.year}:${atRisk > 0n}`, () => `Залучити додаткові зобов’язання для спроможності ${areaLabel(cell.area, 'uk')} на ${cell.year} рік через коаліцію спроможностей або партнерів із нерозподіленими коштами${atRisk > 0n ? ' та закріпити зобов’язання під ризиком' : ''}.`),
        },
      ),
    ];
  },
};
