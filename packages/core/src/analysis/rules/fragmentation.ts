// FRAGMENTATION (low): a capability area of a beneficiary whose counted commitments name at least
// 4 (option fragmentationThreshold) distinct item types (e.g. tank models): a logistics and
// training burden. Items are compared trimmed, case-insensitively, with runs of spaces collapsed.
import { makeFinding, NONE } from '../finding.js';
import { areaHeading } from '../format.js';
import type { Rule } from '../model.js';
import { truncated } from '../describe.js';

export const fragmentation: Rule = {
  code: 'FRAGMENTATION',
  group(ctx, group) {
    const threshold = ctx.options.fragmentationThreshold;
    if (group.area === null || group.items.size < threshold) return NONE;
    const labels = [...group.items.values()]
      .map((byLabel) => [...byLabel.keys()].sort()[0] ?? '')
      .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
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
