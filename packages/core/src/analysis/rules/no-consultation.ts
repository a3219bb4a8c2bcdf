// NO_CONSULTATION: an agreement signed (or in force) as of the analysis day without a consultation
// clause: neither a `consultation` term nor a clause whose topics include "consultation". High when
// the record states there is none (`consultation: null`); medium when it is simply not recorded
// (absent means unknown in the data package).
import { makeFinding } from '../finding.js';
import type { Rule } from '../model.js';
import type { Finding } from '../types.js';

export const noConsultation: Rule = {
  code: 'NO_CONSULTATION',
  global(ctx) {
    const out: Finding[] = [];
    for (const info of ctx.agreements()) {
      const { agreement } = info;
      if (!info.active || agreement.consultation || info.consultationClauses.length > 0) continue;
      const stated = agreement.consultation === null;
      const signed = info.signedOn ? ` (signed ${info.signedOn})` : '';
      const signedUk = info.signedOn ? ` (підписана ${info.signedOn})` : '';
      out.push(
        makeFinding(
          'NO_CONSULTATION',
          stated ? 'high' : 'medium',
          [agreement.id],
          { agreementId: agreement.id, beneficiary: agreement.beneficiary, parties: [...agreement.parties].sort(), consultation: stated ? 'none' : 'unknown' },
          [],
          stated
            ? {
                message: `Agreement ${agreement.id}${signed} has no consultation clause: nothing obliges the parties to consult within a set time if ${agreement.beneficiary} is attacked.`,
                messageUk: `Угода ${agreement.id}${signedUk} не містить положення про консультації: ніщо не зобов’язує сторони провести консультації у визначений строк у разі нападу на ${agreement.beneficiary}.`,
                remedy: 'Seek a consultation mechanism (trigger, deadline in hours, level) in an annex or the next update of the agreement.',
                remedyUk: 'Домагатися механізму консультацій (підстава, строк у годинах, рівень) у додатку чи під час наступного оновлення угоди.',
              }
            : {
                message: `No consultation clause is recorded for agreement ${agreement.id}${signed}; whether it has one is not known.`,
                messageUk: `Для угоди ${agreement.id}${signedUk} положення про консультації не зафіксовано; чи воно є, невідомо.`,
                remedy: 'Check the text: record its consultation clause (trigger, hours) if it has one, or set consultation to null if it has none.',
                remedyUk: 'Перевірити текст угоди: внести положення про консультації (підстава, години), якщо воно є, або вказати consultation: null, якщо його немає.',
              },
        ),
      );
    }
    return out;
  },
};
