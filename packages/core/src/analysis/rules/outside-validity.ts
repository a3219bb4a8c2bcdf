// OUTSIDE_VALIDITY: a commitment whose stated period runs past its agreement's end (endsOn, else
// signature plus durationYears, else an expiry or termination entry) — medium: money promised
// beyond the agreement's life — or starts before the agreement was signed — low: part of it may be
// earlier aid restated. Commitments without a stated period are left to NO_PERIOD.
import { makeFinding, NONE } from '../finding.js';
import type { Rule } from '../model.js';
import { clausesOf } from '../describe.js';

const LATE = {
  en: 'confirm that the money after the agreement ends is covered by an extension or a successor agreement',
  uk: 'підтвердити, що кошти після завершення угоди покриває її продовження або нова угода',
};
const EARLY = {
  en: 'check whether the money before signature is earlier aid restated in the agreement, so that it is not also counted elsewhere',
  uk: 'перевірити, чи кошти до підписання — це раніше надана допомога, повторена в угоді, щоб не врахувати її ще десь',
};
const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** The remedies, one of three: made once, so that the findings share them rather than each keeping a copy. */
const REMEDIES = {
  late: { en: `${capitalise(LATE.en)}.`, uk: `${capitalise(LATE.uk)}.` },
  early: { en: `${capitalise(EARLY.en)}.`, uk: `${capitalise(EARLY.uk)}.` },
  both: { en: `${capitalise(LATE.en)}; ${EARLY.en}.`, uk: `${capitalise(LATE.uk)}; ${EARLY.uk}.` },
};

export const outsideValidity: Rule = {
  code: 'OUTSIDE_VALIDITY',
  commitment(ctx, state) {
    const period = state.commitment.period;
    const info = state.agreement;
    if (!period || !info) return NONE;
    const id = info.agreement.id;
    const late = info.end !== null && period.to > info.end.iso ? info.end.iso : null;
    const early = info.signedOn !== null && period.from < info.signedOn ? info.signedOn : null;
    if (!late && !early) return NONE;
    const en: string[] = [];
    const uk: string[] = [];
    if (late) {
      en.push(`runs to ${period.to}, past the end of agreement ${id} on ${late}`);
      uk.push(`діє до ${period.to}, тобто після завершення угоди ${id} (${late})`);
    }
    if (early) {
      en.push(`starts on ${period.from}, before agreement ${id} was signed on ${early}`);
      uk.push(`починається ${period.from}, до підписання угоди ${id} (${early})`);
    }
    const remedy = REMEDIES[late && early ? 'both' : late ? 'late' : 'early'];
    return [
      makeFinding(
        'OUTSIDE_VALIDITY',
        late ? 'medium' : 'low',
        [state.id],
        { commitment: state.id, agreementId: id, periodFrom: period.from, periodTo: period.to, signedOn: info.signedOn, endsOn: info.end?.iso ?? null },
        clausesOf(state),
        {
          message: `Commitment ${state.id} ${en.join(', and ')}.`,
          messageUk: `Зобов’язання ${state.id} ${uk.join(', а також ')}.`,
          remedy: remedy.en,
          remedyUk: remedy.uk,
        },
      ),
    ];
  },
};
