import { describe, expect, it } from 'vitest';
import type { CoverageRow, Finding, RequirementView } from '../../api/types.js';
import {
  basisOf,
  beneficiariesOf,
  buildHeatmap,
  cellFindings,
  cellKey,
  colourBucket,
  hasRequirement,
  requirementsOf,
} from './heatmap.js';

function row(partial: Partial<CoverageRow> & Pick<CoverageRow, 'capabilityArea' | 'year'>): CoverageRow {
  return {
    beneficiary: 'UA',
    required: '100',
    committed: '0',
    committedAtRisk: '0',
    delivered: '0',
    ratio: 0,
    providers: [],
    ...partial,
  };
}

function requirement(
  id: string,
  area: string,
  year: number,
  basis: 'illustrative' | 'sourced',
): RequirementView {
  return {
    id,
    beneficiary: 'UA',
    capabilityArea: area,
    period: { from: `${year}-01-01`, to: `${year}-12-31` },
    money: { amount: '100', currency: 'EUR' },
    priority: 'high',
    basis,
  } as RequirementView;
}

function finding(id: string, subject: Finding['subject']): Finding {
  return { id, code: 'GAP', severity: 'high', subject, clauses: [], message: id, messageUk: id, remedy: '' };
}

describe('colourBucket', () => {
  it('colours by the coverage ratio, with the boundaries in the better bucket', () => {
    expect(colourBucket(0, '100')).toBe('red');
    expect(colourBucket(0.4999, '100')).toBe('red');
    expect(colourBucket(0.5, '100')).toBe('amber');
    expect(colourBucket(0.7999, '100')).toBe('amber');
    expect(colourBucket(0.8, '100')).toBe('yellow');
    expect(colourBucket(0.9999, '100')).toBe('yellow');
    expect(colourBucket(1, '100')).toBe('green');
    expect(colourBucket(2.5, '100')).toBe('green');
  });

  it('is grey without a requirement', () => {
    expect(colourBucket(null, null)).toBe('grey');
    expect(colourBucket(null)).toBe('grey');
    expect(colourBucket(0, '0')).toBe('grey');
    expect(colourBucket(0, '0.00')).toBe('grey');
    expect(colourBucket(Number.NaN, '100')).toBe('grey');
  });

  it('knows a requirement from its amount', () => {
    expect(hasRequirement('7980000000')).toBe(true);
    expect(hasRequirement('0.01')).toBe(true);
    expect(hasRequirement('0')).toBe(false);
    expect(hasRequirement(null)).toBe(false);
  });
});

describe('buildHeatmap', () => {
  const coverage: CoverageRow[] = [
    row({ capabilityArea: 'drones', year: 2025, ratio: 1.2, committed: '120', requirementIds: ['r-dr-25'] }),
    row({ capabilityArea: 'air-defence', year: 2025, ratio: 0.37, committed: '37' }),
    row({ capabilityArea: 'air-defence', year: 2027, ratio: 0.9, committed: '90' }),
    row({ capabilityArea: null, year: 2025, required: null, ratio: null, committed: '5' }),
    row({
      capabilityArea: 'air-force',
      year: 2025,
      measure: 'quantity',
      unit: 'aircraft',
      item: 'F-16',
      required: '0',
      ratio: null,
      committed: '30',
    }),
    row({ beneficiary: 'MD', capabilityArea: 'demining', year: 2024, ratio: 0.1 }),
  ];
  const requirements = [
    requirement('r-ad-25', 'air-defence', 2025, 'illustrative'),
    requirement('r-ad-27', 'air-defence', 2027, 'sourced'),
    requirement('r-dr-25', 'drones', 2025, 'illustrative'),
  ];

  it('makes an area × year matrix for Ukraine by default, in the given area order', () => {
    const map = buildHeatmap(coverage, requirements, { areaOrder: ['air-defence', 'air-force', 'drones'] });
    expect(map.beneficiary).toBe('UA');
    expect(map.areas).toEqual(['air-defence', 'air-force', 'drones']);
    expect(map.years).toEqual([2025, 2026, 2027]);
    expect(map.hasUnassigned).toBe(true);
    expect(map.cells.get(cellKey('air-defence', 2025))?.bucket).toBe('red');
    expect(map.cells.get(cellKey('air-defence', 2027))?.bucket).toBe('yellow');
    expect(map.cells.get(cellKey('drones', 2025))?.bucket).toBe('green');
    expect(map.cells.get(cellKey('air-defence', 2026))).toBeUndefined();
  });

  it('keeps quantity rows beside the money row, never colouring by them', () => {
    const map = buildHeatmap(coverage, requirements);
    const cell = map.cells.get(cellKey('air-force', 2025));
    expect(cell?.row).toBeNull();
    expect(cell?.quantities.map((q) => q.item)).toEqual(['F-16']);
    expect(cell?.bucket).toBe('grey');
  });

  it('marks the basis of the requirements behind each cell', () => {
    const map = buildHeatmap(coverage, requirements);
    expect(map.cells.get(cellKey('air-defence', 2025))?.basis).toBe('illustrative');
    expect(map.cells.get(cellKey('air-defence', 2025))?.requirementIds).toEqual(['r-ad-25']);
    expect(map.cells.get(cellKey('air-defence', 2027))?.basis).toBe('sourced');
    expect(map.cells.get(cellKey('drones', 2025))?.basis).toBe('illustrative');
    const unassigned = map.cells.get(cellKey(null, 2025));
    expect(unassigned?.basis).toBeNull();
    expect(unassigned?.bucket).toBe('grey');
  });

  it('can show another beneficiary', () => {
    const map = buildHeatmap(coverage, requirements, { beneficiary: 'MD' });
    expect(map.areas).toEqual(['demining']);
    expect(map.years).toEqual([2024]);
    expect(map.hasUnassigned).toBe(false);
  });

  it('is empty without coverage', () => {
    const map = buildHeatmap([], requirements);
    expect(map).toMatchObject({ beneficiary: null, areas: [], years: [], hasUnassigned: false });
  });

  it('puts unknown areas last, alphabetically', () => {
    const map = buildHeatmap(
      [
        row({ capabilityArea: 'space', year: 2025 }),
        row({ capabilityArea: 'cyber', year: 2025 }),
        row({ capabilityArea: 'drones', year: 2025 }),
      ],
      [],
      { areaOrder: ['drones'] },
    );
    expect(map.areas).toEqual(['drones', 'cyber', 'space']);
  });
});

describe('requirements and basis', () => {
  const requirements = [
    requirement('a', 'drones', 2025, 'illustrative'),
    requirement('b', 'drones', 2025, 'sourced'),
    requirement('c', 'drones', 2026, 'sourced'),
  ];

  it('matches by id when the row names its requirements, else by area and year', () => {
    expect(
      requirementsOf(
        { area: 'drones', year: 2025, beneficiary: 'UA', requirementIds: ['b'] },
        requirements,
      ).map((r) => r.id),
    ).toEqual(['b']);
    expect(
      requirementsOf({ area: 'drones', year: 2025, beneficiary: 'UA' }, requirements).map((r) => r.id),
    ).toEqual(['a', 'b']);
    expect(requirementsOf({ area: null, year: 2025, beneficiary: 'UA' }, requirements)).toEqual([]);
  });

  it('says mixed when illustrative and sourced requirements meet', () => {
    expect(basisOf(requirements.slice(0, 2))).toBe('mixed');
    expect(basisOf([])).toBeNull();
  });
});

describe('beneficiariesOf', () => {
  it('lists Ukraine first', () => {
    expect(
      beneficiariesOf([
        row({ beneficiary: 'MD', capabilityArea: null, year: 1 }),
        row({ capabilityArea: null, year: 1 }),
      ]),
    ).toEqual(['UA', 'MD']);
  });
});

describe('cellFindings', () => {
  const findings = [
    finding('gap-ad-25', {
      beneficiary: 'UA',
      capabilityArea: 'air-defence',
      year: 2025,
      requirementIds: ['r-ad-25'],
    }),
    finding('gap-ad-26', { beneficiary: 'UA', capabilityArea: 'air-defence', year: 2026 }),
    finding('frag-ad', { capabilityArea: 'air-defence', items: ['IRIS-T', 'NASAMS'] }),
    finding('req', { requirementId: 'r-ad-25' }),
    finding('md', { beneficiary: 'MD', capabilityArea: 'air-defence', year: 2025 }),
    finding('cliff-years', { capabilityArea: 'air-defence', years: ['2025', '2026'] }),
    finding('other-years', { capabilityArea: 'air-defence', years: [2026] }),
    finding('unassigned', { capabilityArea: null, year: 2025 }),
    finding('agreement', { agreementId: 'gb-2024' }),
  ];

  it('finds what names the cell, its area without a year, or its requirement', () => {
    const cell = { area: 'air-defence', year: 2025, requirementIds: ['r-ad-25'] };
    expect(cellFindings(findings, cell, 'UA').map((f) => f.id)).toEqual([
      'gap-ad-25',
      'frag-ad',
      'req',
      'cliff-years',
    ]);
  });

  it('finds the unassigned commitments’ findings for the unassigned row', () => {
    expect(cellFindings(findings, { area: null, year: 2025, requirementIds: [] }).map((f) => f.id)).toEqual([
      'unassigned',
    ]);
  });
});
