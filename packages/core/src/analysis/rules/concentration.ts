// CONCENTRATION (medium): a requirement covered by more than one provider whose Herfindahl index
// of shares (the sum of squared shares of the committed amount) exceeds 0.5 (option
// concentrationThreshold). Exactly 0.5 — two equal providers — is not flagged. Compared exactly:
// sum(a²) · 10⁶ > threshold_ppm · (sum a)².
import { cellHeading, cellSubject, makeFinding, partnersOf, providersByAmount, NONE } from '../finding.js';
import { numberText, percentText, ratio4 } from '../format.js';
import type { Rule } from '../model.js';
import { truncatedMap } from '../describe.js';

export const concentration: Rule = {
  code: 'CONCENTRATION',
  cell(ctx, cell) {
    if (cell.area === null || cell.required <= 0n || cell.providers.size < 2) return NONE;
    // The index never exceeds the largest share (Σs² ≤ max s · Σs), so that share decides most cells cheaply.
    let largest = 0n;
    for (const slot of cell.providers.values()) if (slot.committed > largest) largest = slot.committed;
    if (largest * 1_000_000n <= ctx.options.ppm.concentration * cell.committed) return NONE;
    let squares = 0n;
    for (const slot of cell.providers.values()) squares += slot.committed * slot.committed;
    const total = cell.committed * cell.committed;
    if (total === 0n || squares * 1_000_000n <= ctx.options.ppm.concentration * total) return NONE;
    const hhi = ratio4(squares, total);
    const providers = providersByAmount(cell);
    const shares = (lang: 'en' | 'uk') =>
      truncatedMap(providers, 5, lang, ([partner, amount]) => `${partner} ${percentText(amount, cell.committed, lang)}`);
    const { subject, idParts } = cellSubject(cell);
    const threshold = ctx.options.concentrationThreshold;
    return [
      makeFinding(
        'CONCENTRATION',
        'medium',
        idParts,
        { ...subject, herfindahl: hhi, partners: partnersOf(providers) },
        ctx.cellClauses(cell),
        {
          message: `${cellHeading(cell, 'en')}: the providers’ shares are concentrated (Herfindahl index ${numberText(hhi, 'en')} > ${numberText(threshold, 'en')}): ${shares('en')}.`,
          messageUk: `${cellHeading(cell, 'uk')}: частки постачальників сконцентровані (індекс Герфіндаля ${numberText(hhi, 'uk')} > ${numberText(threshold, 'uk')}): ${shares('uk')}.`,
          remedy: 'Spread the requirement across more providers, or agree in advance who backfills the largest provider if it falls short.',
          remedyUk: 'Розподілити потребу між більшою кількістю постачальників або заздалегідь домовитися, хто заміщатиме найбільшого постачальника в разі недопоставки.',
        },
      ),
    ];
  },
};
