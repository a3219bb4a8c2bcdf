// LEAD_WITHOUT_COMMITMENT (medium): a coalition lead with no counted commitment (committed or at
// risk as of the analysis day) in any of the coalition's capability areas, nor a contribution to
// the coalition itself.
import { makeFinding, partnerName } from '../finding.js';
import { areaLabel, listText } from '../format.js';
import type { Rule } from '../model.js';
import type { Finding } from '../types.js';

export const leadWithoutCommitment: Rule = {
  code: 'LEAD_WITHOUT_COMMITMENT',
  coalition(ctx, coalition) {
    const areas = new Set<string>(coalition.capabilityAreas);
    const out: Finding[] = [];
    for (const lead of [...new Set(coalition.leads)].sort()) {
      let found = false;
      for (const state of ctx.commitmentsOf(lead)) {
        if (state.bucket && ((state.area !== null && areas.has(state.area)) || state.commitment.coalitionId === coalition.id)) {
          found = true;
          break;
        }
      }
      if (found) continue;
      const areasEn = listText(coalition.capabilityAreas.map((area) => areaLabel(area, 'en')), 'en');
      const areasUk = listText(coalition.capabilityAreas.map((area) => areaLabel(area, 'uk')), 'uk');
      out.push(
        makeFinding('LEAD_WITHOUT_COMMITMENT', 'medium', [coalition.id, lead], { coalition: coalition.id, partner: lead }, [], {
          message: `${partnerName(ctx, lead, 'en')} leads the ${coalition.name} (${areasEn}) but has no commitment counted in its capability areas as of ${ctx.asOf}.`,
          messageUk: `${partnerName(ctx, lead, 'uk')} очолює коаліцію «${coalition.nameUk ?? coalition.name}» (${areasUk}), але станом на ${ctx.asOf} не має врахованих зобов’язань у її спроможностях.`,
          remedy: 'Record the lead’s commitments to the coalition’s areas (or its contributions to the coalition), or ask the lead to pledge.',
          remedyUk: 'Внести зобов’язання лідера у спроможностях коаліції (або його внески до коаліції) чи запропонувати лідерові взяти зобов’язання.',
        }),
      );
    }
    return out;
  },
};
