// FRAGMENTATION (low): a capability area of a beneficiary whose counted commitments name at least
// 4 (option fragmentationThreshold) distinct item types (e.g. tank models): a logistics and
// training burden. Items are compared trimmed, case-insensitively, with runs of spaces collapsed.
import { makeFinding, NONE } from '../finding.js';
import { areaHeading } from '../format.js';
import type { Rule } from '../model.js';
import { truncated } from '../describe.js';
import { objectList } from '../object-list.js';
import { compareCodeUnits } from '../short-sort.js';

export const fragmentation: Rule = {
  code: 'FRAGMENTATION',
  group(ctx, group) {
    const threshold = ctx.options.fragmentationThreshold;
    if (group.area === null || group.items.size < threshold) return NONE;
    // Each item type under its first label in code-unit order. Loops, not spread-and-map: see `truncatedMap`.
    const labels = objectList<string>();
    group.items.forEach((byLabel) => {
      let first: string | null = null;
      byLabel.forEach((_count, label) => {
        if (first === null || label < first) first = label;
      });
      labels.push(first ?? '');
    });
    labels.sort(compareCodeUnits);
    return [
      makeFinding(
        'FRAGMENTATION',
        'low',
        [group.beneficiary, group.area],
        { beneficiary: group.beneficiary, capabilityArea: group.area, items: labels },
        [],
        {
          message: `${areaHeading(group.area, 'en')}, ${group.beneficiary}: commitments name ${labels.length} distinct item types (${truncated(labels, 8, 'en')}), at or above the threshold of ${threshold}: a logistics and training burden.`,
          messageUk: `${areaHeading(group.area, 'uk')}, ${group.beneficiary}: зобов’язання охоплюють ${labels.length} різних типів (${truncated(labels, 8, 'uk')}), що не менше за поріг ${threshold}: це ускладнює логістику, ремонт і підготовку.`,
          remedy: 'Steer new commitments toward the types already in service, and pool spare parts, maintenance and training by type.',
          remedyUk: 'Спрямовувати нові зобов’язання на типи, що вже є на озброєнні, та об’єднувати запчастини, обслуговування й підготовку за типами.',
        },
      ),
    ];
  },
};
