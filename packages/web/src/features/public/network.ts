import type { Agreement } from '@compact/core';
import { toAgreementView } from '../../api/agreementView.js';
import type { AgreementView } from '../../api/types.js';
import { MAP_STATUSES, partnerStatuses, type MapStatus, type PartnerStatus } from '../overview/partnerStatus.js';

export interface NetworkOnDay {
  views: AgreementView[];
  statuses: Map<string, PartnerStatus>;
  /** Partners per map status, the EU left out (it is a chip, not a country). */
  counts: Record<MapStatus, number>;
}

/**
 * The network as it stood on a day, from the public agreements as plain records: each one's
 * status that day by the core's valid-time rules, and each partner's colour on the map.
 */
export function networkOn(
  agreements: ReadonlyArray<Agreement & Partial<AgreementView>>,
  partners: readonly string[],
  asOf: string,
): NetworkOnDay {
  // A record may carry a status computed for another day; the day asked for decides here.
  const views = agreements.map((agreement) => {
    const { statusAsOf: _ignored, ...plain } = agreement;
    return toAgreementView(plain, asOf);
  });
  const statuses = partnerStatuses(partners, views);
  const counts = Object.fromEntries(MAP_STATUSES.map((status) => [status, 0])) as Record<MapStatus, number>;
  for (const row of statuses.values()) if (row.code !== 'EU') counts[row.status] += 1;
  return { views, statuses, counts };
}
