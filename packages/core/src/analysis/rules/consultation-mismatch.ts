// CONSULTATION_MISMATCH (info): the consultation windows of a beneficiary's agreements in force
// differ; the finding lists each window with its agreements. Windows are the same when the hours
// and the best-effort flag agree, or, without hours, the words do.
import { makeFinding } from '../finding.js';
import type { AgreementInfo, Rule } from '../model.js';
import type { Consultation } from '../../schema/entities.js';
import type { ClauseReference, Finding } from '../types.js';
import { windowKey, windowText } from '../consultation-window.js';
import { truncated } from '../describe.js';

export const consultationMismatch: Rule = {
  code: 'CONSULTATION_MISMATCH',
  global(ctx) {
    type Window = { consultation: Consultation; infos: AgreementInfo[] };
    const byBeneficiary = new Map<string, Map<string, Window>>();
    for (const info of ctx.agreements()) {
      const consultation = info.agreement.consultation;
      if (!info.active || !consultation) continue;
      const windows = byBeneficiary.get(info.agreement.beneficiary) ?? new Map<string, Window>();
      const key = windowKey(consultation);
      const window: Window = windows.get(key) ?? { consultation, infos: [] };
      window.infos.push(info);
      windows.set(key, window);
      byBeneficiary.set(info.agreement.beneficiary, windows);
    }
    const out: Finding[] = [];
    for (const [beneficiary, windows] of [...byBeneficiary.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
      if (windows.size < 2) continue;
      const groups = [...windows.entries()]
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([, window]) => ({
          consultation: window.consultation,
          ids: window.infos.map((info) => info.agreement.id).sort(),
          clauses: window.infos.flatMap((info) => info.consultationClauses),
        }));
      const list = (lang: 'en' | 'uk') =>
        groups.map((group) => `${windowText(group.consultation, lang)} — ${truncated(group.ids, 8, lang)}`).join('; ');
      const clauses: ClauseReference[] = groups.flatMap((group) => group.clauses);
      out.push(
        makeFinding(
          'CONSULTATION_MISMATCH',
          'info',
          [beneficiary],
          {
            beneficiary,
            agreementIds: groups.flatMap((group) => group.ids).sort(),
            windows: groups.map((group) => windowText(group.consultation, 'en')),
          },
          clauses,
          {
            message: `The consultation windows of ${beneficiary}’s agreements in force differ (${windows.size} windows): ${list('en')}.`,
            messageUk: `Строки консультацій у чинних угодах ${beneficiary} різняться (${windows.size} варіанти): ${list('uk')}.`,
            remedy: 'Align the windows at the next review, and plan crisis consultations around the longest one meanwhile.',
            remedyUk: 'Узгодити строки під час наступного перегляду, а доти планувати кризові консультації з огляду на найдовший строк.',
          },
        ),
      );
    }
    return out;
  },
};
