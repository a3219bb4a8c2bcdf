import { summariseAgreements, viewAgreement, type DataPackage } from '@compact/core';

/**
 * The network at a glance, from the public package only: agreements by status on the day, the
 * partners and coalitions, public commitments by capability area, and how many signed agreements
 * carry a consultation promise. Counts only: money is summed where it is comparable, in the
 * analysis (`/api/public/analysis`), not here.
 */
export function publicSummary(pkg: DataPackage, asOf: string) {
  const views = pkg.agreements.map((agreement) => viewAgreement(agreement, asOf)).filter((view) => view.statusAsOf !== null);
  const signed = views.filter((view) => view.statusAsOf === 'signed' || view.statusAsOf === 'in-force');
  const byCapabilityArea: Record<string, number> = {};
  for (const commitment of pkg.commitments) {
    const area = commitment.capabilityArea ?? 'unspecified';
    byCapabilityArea[area] = (byCapabilityArea[area] ?? 0) + 1;
  }
  return {
    asOf,
    dataAsOf: pkg.asOf ?? null,
    agreements: {
      ...summariseAgreements(views),
      signedWithConsultation: signed.filter((view) => view.consultation !== undefined && view.consultation !== null).length,
      signed: signed.length,
    },
    partners: pkg.partners.length,
    coalitions: pkg.coalitions.map((coalition) => ({ id: coalition.id, name: coalition.name, leads: coalition.leads, members: coalition.members.length })),
    commitments: { count: pkg.commitments.length, byCapabilityArea },
    flows: pkg.flows.length,
  };
}
