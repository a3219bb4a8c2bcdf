import { describe, expect, it } from 'vitest';
import { buildNetwork, singlePoints } from './graph.js';

const input = {
  agreements: [
    { id: 'gb-ua-2024', parties: ['GB', 'UA'], beneficiary: 'UA' },
    { id: 'g7', parties: ['GB', 'US', 'UA'], beneficiary: 'UA' },
  ],
  commitments: [
    { provider: 'GB', capabilityArea: 'drones' },
    { provider: 'GB', capabilityArea: 'drones' },
    { provider: 'US', capabilityArea: null },
  ],
  coalitions: [{ id: 'drone', leads: ['LV', 'GB'], members: ['GB', 'NL'], capabilityAreas: ['drones'] }],
  findings: [
    { code: 'SINGLE_GUARANTOR', subject: { partner: 'GB', capabilityArea: 'drones', year: 2025 } },
    { code: 'SINGLE_GUARANTOR', subject: { partner: 'GB', capabilityArea: 'drones', year: 2024 } },
    { code: 'GAP', subject: { capabilityArea: 'drones', year: 2024 } },
  ],
};

describe('the network', () => {
  it('links parties, guarantors, leads, members and capabilities, leaving the beneficiary out', () => {
    const { nodes, links } = buildNetwork(input);
    expect(nodes.some((node) => node.key === 'UA')).toBe(false);
    const relation = (source: string, target: string) =>
      links.find((link) => link.source === source && link.target === target);
    expect(relation('partner:GB', 'agreement:g7')?.relation).toBe('party');
    expect(relation('partner:GB', 'area:drones')).toMatchObject({ relation: 'guarantees', weight: 2 });
    expect(relation('partner:LV', 'coalition:drone')?.relation).toBe('leads');
    // A lead listed among the members is a lead only.
    expect(relation('partner:GB', 'coalition:drone')?.relation).toBe('leads');
    expect(relation('partner:NL', 'coalition:drone')?.relation).toBe('member');
    expect(relation('coalition:drone', 'area:drones')?.relation).toBe('builds');
    expect(links.filter((link) => link.source === 'partner:US' && link.relation === 'guarantees')).toEqual([]);
  });

  it('marks single points of failure from SINGLE_GUARANTOR findings, with their years', () => {
    expect(singlePoints(input.findings)).toHaveLength(2);
    const { nodes, links } = buildNetwork(input);
    const critical = links.filter((link) => link.critical);
    expect(critical).toHaveLength(1);
    expect(critical[0]).toMatchObject({ source: 'partner:GB', target: 'area:drones', criticalYears: [2024, 2025] });
    expect(nodes.filter((node) => node.critical).map((node) => node.id).sort()).toEqual(['area:drones', 'partner:GB']);
  });
});
