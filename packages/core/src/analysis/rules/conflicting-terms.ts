// CONFLICTING_TERMS: two agreements of the same provider (a party or adherent other than the
// beneficiary) and the same beneficiary, both in force as of the analysis day with overlapping
// validity, that disagree on a term both state: the consultation window when both give hours
// (hours or the best-effort flag differ; medium), or the effect of NATO accession (high: which text
// governs on accession is unclear). Worded windows ("immediately") are not compared. One finding
// per pair of agreements and term, naming the providers they share.
import { makeFinding } from '../finding.js';
import { listText, natoEffectLabel, type Lang } from '../format.js';
import type { AgreementInfo, Rule } from '../model.js';
import type { Finding } from '../types.js';
import { windowKey, windowText } from '../consultation-window.js';

function overlapping(a: AgreementInfo, b: AgreementInfo): boolean {
  if (!a.signedOn || !b.signedOn) return false;
  const aEnd = a.end?.iso ?? '9999-12-31';
  const bEnd = b.end?.iso ?? '9999-12-31';
  return a.signedOn <= bEnd && b.signedOn <= aEnd;
}

interface Pair {
  readonly a: AgreementInfo;
  readonly b: AgreementInfo;
  readonly providers: string[];
}

export const conflictingTerms: Rule = {
  code: 'CONFLICTING_TERMS',
  // The pairing loops and the findings in functions of their own: a handful of pairs disagree, so
  // the compiler optimises only the small loops, not the message code a rarely taken branch holds.
  global(ctx) {
    const out: Finding[] = [];
    for (const pair of overlappingPairs(ctx.agreements()).values()) {
      if (windowsDiffer(pair.a, pair.b) || natoEffectsDiffer(pair.a, pair.b)) pairFindings(pair, out);
    }
    return out;
  },
};

/** Pairs of agreements in force with overlapping validity, of the same beneficiary and a shared provider, by their ids. */
function overlappingPairs(agreements: Iterable<AgreementInfo>): Map<string, Pair> {
  const byPair = new Map<string, AgreementInfo[]>();
  for (const info of agreements) {
    if (!info.active) continue;
    for (const provider of info.providers) {
      const key = `${info.agreement.beneficiary}\u0001${provider}`;
      const list = byPair.get(key) ?? [];
      list.push(info);
      byPair.set(key, list);
    }
  }
  const pairs = new Map<string, Pair>();
  for (const [key, list] of byPair) {
    const provider = key.split('\u0001')[1] ?? '';
    list.sort((x, y) => (x.agreement.id < y.agreement.id ? -1 : 1));
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const a = list[i];
        const b = list[j];
        if (!a || !b || !overlapping(a, b)) continue;
        const pairKey = `${a.agreement.id}\u0001${b.agreement.id}`;
        const pair = pairs.get(pairKey) ?? { a, b, providers: [] };
        pair.providers.push(provider);
        pairs.set(pairKey, pair);
      }
    }
  }
  return pairs;
}

/** Both give the consultation window in hours, and the windows differ. */
function windowsDiffer(a: AgreementInfo, b: AgreementInfo): boolean {
  const ca = a.agreement.consultation;
  const cb = b.agreement.consultation;
  return !!ca && !!cb && ca.withinHours !== null && cb.withinHours !== null && windowKey(ca) !== windowKey(cb);
}

/** Both state what NATO accession does to them, and they differ. */
function natoEffectsDiffer(a: AgreementInfo, b: AgreementInfo): boolean {
  const na = a.agreement.onNatoAccession;
  const nb = b.agreement.onNatoAccession;
  return !!na && !!nb && na !== nb;
}

/** The findings of one pair that disagrees: a finding per term both state and on which they differ. */
function pairFindings({ a, b, providers }: Pair, out: Finding[]): void {
  providers.sort();
  const ids = [a.agreement.id, b.agreement.id];
  const base = { beneficiary: a.agreement.beneficiary, agreementIds: ids, partners: providers };
  const who = (lang: Lang) =>
    lang === 'en'
      ? `Agreements ${ids[0]} and ${ids[1]} (${listText(providers, 'en')} with ${a.agreement.beneficiary}) overlap in time but`
      : `Угоди ${ids[0]} і ${ids[1]} (${listText(providers, 'uk')} з ${a.agreement.beneficiary}) діють одночасно, але`;
  const ca = a.agreement.consultation;
  const cb = b.agreement.consultation;
  if (ca && cb && windowsDiffer(a, b)) {
    out.push(
      makeFinding('CONFLICTING_TERMS', 'medium', [...ids, 'consultation'], { ...base, term: 'consultation' }, [...a.consultationClauses, ...b.consultationClauses], {
        message: `${who('en')} disagree on the consultation window: ${ids[0]} ${windowText(ca, 'en')}, ${ids[1]} ${windowText(cb, 'en')}.`,
        messageUk: `${who('uk')} по-різному визначають строк консультацій: ${ids[0]} — ${windowText(ca, 'uk')}, ${ids[1]} — ${windowText(cb, 'uk')}.`,
        remedy: 'Establish which text prevails (the later or the more specific one) and align the windows at the next review.',
        remedyUk: 'Визначити, який текст має переважну силу (пізніший або спеціальніший), і узгодити строки під час наступного перегляду.',
      }),
    );
  }
  const na = a.agreement.onNatoAccession;
  const nb = b.agreement.onNatoAccession;
  if (na && nb && natoEffectsDiffer(a, b)) {
    out.push(
      makeFinding('CONFLICTING_TERMS', 'high', [...ids, 'nato-accession'], { ...base, term: 'nato-accession' }, [...a.natoClauses, ...b.natoClauses], {
        message: `${who('en')} disagree on what happens on NATO accession: under ${ids[0]} the agreement ${natoEffectLabel(na, 'en')}, under ${ids[1]} it ${natoEffectLabel(nb, 'en')}.`,
        messageUk: `${who('uk')} по-різному визначають наслідки вступу до НАТО: угода ${ids[0]} ${natoEffectLabel(na, 'uk')}, угода ${ids[1]} ${natoEffectLabel(nb, 'uk')}.`,
        remedy: 'Agree which commitments survive accession and record it in both agreements, so that the guarantee does not lapse by accident.',
        remedyUk: 'Узгодити, які зобов’язання зберігаються після вступу, і закріпити це в обох угодах, щоб гарантії не припинилися випадково.',
      }),
    );
  }
}
