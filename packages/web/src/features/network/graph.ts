// The network page's pure part: who is party to what, who guarantees which capability, who leads
// which coalition, and which links are single points of failure.

export const NODE_KINDS = ['partner', 'agreement', 'coalition', 'area'] as const;
export type NodeKind = (typeof NODE_KINDS)[number];

export const RELATIONS = ['party', 'guarantees', 'leads', 'member', 'builds'] as const;
export type Relation = (typeof RELATIONS)[number];

export interface NetworkNode {
  id: string;
  kind: NodeKind;
  /** The partner code, agreement id, coalition id or capability area. */
  key: string;
  degree: number;
  /** Sole provider of a capability in some year, or such a capability. */
  critical: boolean;
}

export interface NetworkLink {
  source: string;
  target: string;
  relation: Relation;
  /** How many commitments a "guarantees" link stands for. */
  weight: number;
  critical: boolean;
  /** Years in which the link is the only coverage of its capability. */
  criticalYears: number[];
}

export interface NetworkInput {
  agreements: ReadonlyArray<{ id: string; parties: readonly string[]; beneficiary: string }>;
  commitments: ReadonlyArray<{ provider: string; capabilityArea?: string | null }>;
  coalitions: ReadonlyArray<{
    id: string;
    leads: readonly string[];
    members?: readonly string[];
    capabilityAreas: readonly string[];
  }>;
  findings: ReadonlyArray<{ code: string; subject: Record<string, unknown> }>;
  beneficiary?: string;
}

export const nodeId = (kind: NodeKind, key: string) => `${kind}:${key}`;

/** The sole provider of a capability, by the analysis' SINGLE_GUARANTOR findings. */
export function singlePoints(
  findings: NetworkInput['findings'],
): Array<{ partner: string; area: string; year: number | null }> {
  const out: Array<{ partner: string; area: string; year: number | null }> = [];
  for (const finding of findings) {
    if (finding.code !== 'SINGLE_GUARANTOR') continue;
    const partner = finding.subject['partner'];
    const area = finding.subject['capabilityArea'];
    const year = finding.subject['year'];
    if (typeof partner === 'string' && typeof area === 'string')
      out.push({ partner, area, year: typeof year === 'number' ? year : null });
  }
  return out;
}

export function buildNetwork(input: NetworkInput): { nodes: NetworkNode[]; links: NetworkLink[] } {
  const beneficiary = input.beneficiary ?? 'UA';
  const nodes = new Map<string, NetworkNode>();
  const links = new Map<string, NetworkLink>();
  const node = (kind: NodeKind, key: string) => {
    const id = nodeId(kind, key);
    let found = nodes.get(id);
    if (!found) {
      found = { id, kind, key, degree: 0, critical: false };
      nodes.set(id, found);
    }
    return found;
  };
  const link = (from: NetworkNode, to: NetworkNode, relation: Relation) => {
    const key = `${from.id}|${relation}|${to.id}`;
    const found = links.get(key);
    if (found) {
      found.weight += 1;
      return found;
    }
    const created: NetworkLink = {
      source: from.id,
      target: to.id,
      relation,
      weight: 1,
      critical: false,
      criticalYears: [],
    };
    links.set(key, created);
    from.degree += 1;
    to.degree += 1;
    return created;
  };

  for (const agreement of input.agreements) {
    const target = node('agreement', agreement.id);
    for (const party of agreement.parties)
      if (party !== beneficiary) link(node('partner', party), target, 'party');
  }
  for (const commitment of input.commitments) {
    if (!commitment.capabilityArea || commitment.provider === beneficiary) continue;
    link(node('partner', commitment.provider), node('area', commitment.capabilityArea), 'guarantees');
  }
  for (const coalition of input.coalitions) {
    const target = node('coalition', coalition.id);
    for (const lead of coalition.leads) link(node('partner', lead), target, 'leads');
    for (const member of coalition.members ?? [])
      if (!coalition.leads.includes(member)) link(node('partner', member), target, 'member');
    for (const area of coalition.capabilityAreas) link(target, node('area', area), 'builds');
  }
  for (const point of singlePoints(input.findings)) {
    const from = node('partner', point.partner);
    const to = node('area', point.area);
    const edge = links.get(`${from.id}|guarantees|${to.id}`) ?? link(from, to, 'guarantees');
    edge.critical = true;
    if (point.year !== null && !edge.criticalYears.includes(point.year)) edge.criticalYears.push(point.year);
    edge.criticalYears.sort((a, b) => a - b);
    from.critical = true;
    to.critical = true;
  }
  return { nodes: [...nodes.values()], links: [...links.values()] };
}
