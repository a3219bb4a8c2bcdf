import type { AgreementView } from '../../api/types.js';

/** What the map colours: how far a partner's agreement with Ukraine had come on the day shown. */
export const MAP_STATUSES = ['none', 'declaration', 'talks', 'signed', 'binding'] as const;
export type MapStatus = (typeof MAP_STATUSES)[number];

/** The seed article's snapshot and the Ukraine Compact: the two days marked on the slider. */
export const SLIDER_START = '2023-07-12';
export const SEED_ARTICLE_DATE = '2024-02-20';
export const UKRAINE_COMPACT_DATE = '2024-07-11';

export interface PartnerStatus {
  code: string;
  status: MapStatus;
  /** The agreement behind the status, when there is one. */
  agreementId: string | null;
  legalForm: string | null;
  legallyBinding: boolean;
  hasConsultation: boolean;
}

const RANK: Record<MapStatus, number> = { none: 0, declaration: 1, talks: 2, signed: 3, binding: 4 };

/** Legally binding: said so, or a treaty; an executive agreement binds only when the record says it does. */
export function isLegallyBinding(agreement: Pick<AgreementView, 'legallyBinding' | 'legalForm'>): boolean {
  if (agreement.legallyBinding !== undefined) return agreement.legallyBinding;
  return agreement.legalForm === 'treaty';
}

/** One agreement's contribution to its parties' colour on the day its `statusAsOf` was read. */
function statusOf(agreement: AgreementView): MapStatus {
  switch (agreement.statusAsOf) {
    case 'interest':
    case 'talks':
      return 'talks';
    case 'signed':
    case 'in-force':
      if (agreement.kind !== 'bilateral') return 'declaration';
      return isLegallyBinding(agreement) ? 'binding' : 'signed';
    default:
      // No status yet, or expired or terminated: nothing holds on that day.
      return 'none';
  }
}

/**
 * Each partner's status as of the list's day: the strongest of the agreements it is a party to
 * (a bilateral agreement signed beats the G7 declaration it joined). The beneficiary is left out;
 * partners with no agreement on that day get `none`.
 */
export function partnerStatuses(
  partners: readonly string[],
  agreements: readonly AgreementView[],
  beneficiary = 'UA',
): Map<string, PartnerStatus> {
  const out = new Map<string, PartnerStatus>();
  for (const code of partners) {
    if (code === beneficiary) continue;
    out.set(code, { code, status: 'none', agreementId: null, legalForm: null, legallyBinding: false, hasConsultation: false });
  }
  for (const agreement of agreements) {
    const status = statusOf(agreement);
    if (status === 'none') continue;
    for (const party of agreement.parties) {
      if (party === beneficiary) continue;
      const current = out.get(party) ?? {
        code: party,
        status: 'none' as MapStatus,
        agreementId: null,
        legalForm: null,
        legallyBinding: false,
        hasConsultation: false,
      };
      if (RANK[status] <= RANK[current.status]) {
        out.set(party, current);
        continue;
      }
      out.set(party, {
        code: party,
        status,
        agreementId: agreement.id,
        legalForm: agreement.legalForm,
        legallyBinding: isLegallyBinding(agreement),
        hasConsultation: agreement.consultation != null,
      });
    }
  }
  return out;
}

export interface Headline {
  /** Agreements Ukraine counts that are signed on the day. */
  signed: number;
  /** Of those, how many have a consultation clause. */
  withConsultation: number;
  /** withConsultation / signed, or null with nothing signed. */
  consultationShare: number | null;
}

export function headline(agreements: readonly AgreementView[]): Headline {
  const signed = agreements.filter(
    (agreement) =>
      agreement.countedByUkraine !== false &&
      (agreement.statusAsOf === 'signed' || agreement.statusAsOf === 'in-force'),
  );
  const withConsultation = signed.filter((agreement) => agreement.consultation != null).length;
  return {
    signed: signed.length,
    withConsultation,
    consultationShare: signed.length > 0 ? withConsultation / signed.length : null,
  };
}

/** Days from `from` to `to` (ISO dates, UTC so no daylight-saving hour slips in). */
export function dayIndex(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The ISO date `days` after `from`. */
export function addDays(from: string, days: number): string {
  return new Date(Date.parse(`${from}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** A date from the address, kept within the slider's range; anything else falls back to `today`. */
export function clampDate(value: string | null, today: string): string {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value))) return today;
  if (value < SLIDER_START) return SLIDER_START;
  return value > today ? today : value;
}

/**
 * The findings worth a first look: most severe first, one of each kind before a second of any, so
 * forty gaps do not hide the one single point of failure.
 */
export function topFindings<F extends { code: string; severity: string }>(
  findings: readonly F[],
  severities: readonly string[],
  count: number,
): F[] {
  const rank = (finding: F) => {
    const index = severities.indexOf(finding.severity);
    return index < 0 ? severities.length : index;
  };
  const sorted = [...findings].sort((a, b) => rank(a) - rank(b));
  const seen = new Set<string>();
  const first: F[] = [];
  const rest: F[] = [];
  for (const finding of sorted) {
    if (seen.has(finding.code)) rest.push(finding);
    else {
      seen.add(finding.code);
      first.push(finding);
    }
  }
  return [...first, ...rest].slice(0, count).sort((a, b) => rank(a) - rank(b));
}
