import type { CoverageRow, Finding, RequirementView } from '../../api/types.js';

// The coverage heatmap's pure logic: a capability area × year matrix from the analysis' coverage
// rows, the colour bucket of each cell, whether its requirement is illustrative, and the findings
// that concern it.

/** red < 50 %, amber < 80 %, yellow < 100 %, green ≥ 100 %, grey: no requirement to measure against. */
export type Bucket = 'red' | 'amber' | 'yellow' | 'green' | 'grey';

/** In legend order, worst first. */
export const BUCKETS: readonly Bucket[] = ['red', 'amber', 'yellow', 'green', 'grey'];

const ZERO = /^0+(\.0+)?$/;

/** Whether a required amount is a positive decimal (null and "0" mean there is no requirement). */
export function hasRequirement(required: string | null | undefined): boolean {
  return typeof required === 'string' && required !== '' && !ZERO.test(required);
}

export function colourBucket(ratio: number | null | undefined, required?: string | null): Bucket {
  if (ratio === null || ratio === undefined || !Number.isFinite(ratio)) return 'grey';
  if (required !== undefined && !hasRequirement(required)) return 'grey';
  if (ratio < 0.5) return 'red';
  if (ratio < 0.8) return 'amber';
  if (ratio < 1) return 'yellow';
  return 'green';
}

export type RequirementBasis = 'illustrative' | 'sourced' | 'mixed' | null;

export interface HeatmapCell {
  /** null: the commitments with no capability area. */
  area: string | null;
  year: number;
  /** The money row of the cell (in the report currency), if the analysis has one. */
  row: CoverageRow | null;
  /** Rows counting items (aircraft, shells) for the same area and year. */
  quantities: CoverageRow[];
  bucket: Bucket;
  /** The basis of the requirements the cell is measured against. */
  basis: RequirementBasis;
  requirementIds: string[];
}

export interface Heatmap {
  beneficiary: string | null;
  /** Capability areas with at least one row, in the given order (unknown ones last, alphabetical). */
  areas: string[];
  /** Every year that has a row, ascending, with the gaps between filled in. */
  years: number[];
  cells: ReadonlyMap<string, HeatmapCell>;
  /** Whether any row has no capability area. */
  hasUnassigned: boolean;
}

export function cellKey(area: string | null, year: number): string {
  return `${area ?? ''}|${year}`;
}

/** The beneficiaries in the coverage, Ukraine first (it is the one the shipped data covers). */
export function beneficiariesOf(coverage: readonly CoverageRow[]): string[] {
  const codes = [...new Set(coverage.map((row) => row.beneficiary))];
  return codes.sort((a, b) => (a === 'UA' ? -1 : b === 'UA' ? 1 : a < b ? -1 : a > b ? 1 : 0));
}

function isQuantity(row: CoverageRow): boolean {
  return row.measure === 'quantity';
}

function overlapsYear(period: { from: string; to: string }, year: number): boolean {
  return period.from <= `${year}-12-31` && period.to >= `${year}-01-01`;
}

/** The requirements a cell is measured against: by the row's ids when given, else by area and year. */
export function requirementsOf(
  cell: { area: string | null; year: number; beneficiary: string; requirementIds?: readonly string[] },
  requirements: readonly RequirementView[],
): RequirementView[] {
  if (cell.area === null) return [];
  if (cell.requirementIds && cell.requirementIds.length > 0) {
    const ids = new Set(cell.requirementIds);
    return requirements.filter((requirement) => ids.has(requirement.id));
  }
  return requirements.filter(
    (requirement) =>
      requirement.beneficiary === cell.beneficiary &&
      requirement.capabilityArea === cell.area &&
      overlapsYear(requirement.period, cell.year),
  );
}

export function basisOf(requirements: ReadonlyArray<Pick<RequirementView, 'basis'>>): RequirementBasis {
  if (requirements.length === 0) return null;
  const illustrative = requirements.some((requirement) => requirement.basis === 'illustrative');
  const sourced = requirements.some((requirement) => requirement.basis !== 'illustrative');
  return illustrative && sourced ? 'mixed' : illustrative ? 'illustrative' : 'sourced';
}

function sortAreas(areas: Iterable<string>, order: readonly string[]): string[] {
  const rank = new Map(order.map((area, index) => [area, index]));
  return [...areas].sort((a, b) => {
    const ra = rank.get(a) ?? Number.MAX_SAFE_INTEGER;
    const rb = rank.get(b) ?? Number.MAX_SAFE_INTEGER;
    if (ra !== rb) return ra - rb;
    return a < b ? -1 : a > b ? 1 : 0;
  });
}

/**
 * The matrix for one beneficiary (the first one when none is given). Money rows decide a cell's
 * colour; quantity rows ride along for the detail panel.
 */
export function buildHeatmap(
  coverage: readonly CoverageRow[],
  requirements: readonly RequirementView[],
  { beneficiary, areaOrder = [] }: { beneficiary?: string | null; areaOrder?: readonly string[] } = {},
): Heatmap {
  const chosen = beneficiary ?? beneficiariesOf(coverage)[0] ?? null;
  const rows = coverage.filter((row) => row.beneficiary === chosen);
  const cells = new Map<string, HeatmapCell>();
  const areas = new Set<string>();
  const years = new Set<number>();
  let hasUnassigned = false;

  const cellFor = (row: CoverageRow): HeatmapCell => {
    const key = cellKey(row.capabilityArea, row.year);
    let cell = cells.get(key);
    if (!cell) {
      cell = {
        area: row.capabilityArea,
        year: row.year,
        row: null,
        quantities: [],
        bucket: 'grey',
        basis: null,
        requirementIds: [],
      };
      cells.set(key, cell);
    }
    return cell;
  };

  for (const row of rows) {
    if (row.capabilityArea === null) hasUnassigned = true;
    else areas.add(row.capabilityArea);
    years.add(row.year);
    const cell = cellFor(row);
    if (isQuantity(row)) cell.quantities.push(row);
    else cell.row = row;
  }

  for (const cell of cells.values()) {
    const ids = new Set<string>();
    for (const row of [cell.row, ...cell.quantities]) for (const id of row?.requirementIds ?? []) ids.add(id);
    const matched = requirementsOf(
      { area: cell.area, year: cell.year, beneficiary: chosen ?? '', requirementIds: [...ids] },
      requirements,
    );
    cell.requirementIds =
      ids.size > 0 ? [...ids].sort() : matched.map((requirement) => requirement.id).sort();
    cell.basis = basisOf(matched);
    cell.bucket = cell.row && cell.area !== null ? colourBucket(cell.row.ratio, cell.row.required) : 'grey';
  }

  const sortedYears = [...years].sort((a, b) => a - b);
  const first = sortedYears[0];
  const last = sortedYears[sortedYears.length - 1];
  const allYears: number[] = [];
  if (first !== undefined && last !== undefined)
    for (let year = first; year <= last; year++) allYears.push(year);

  return { beneficiary: chosen, areas: sortAreas(areas, areaOrder), years: allYears, cells, hasUnassigned };
}

function values(value: unknown): unknown[] {
  return Array.isArray(value) ? (value as unknown[]) : [value];
}

/**
 * The findings about a cell: those naming its capability area and year (or its area with no year,
 * such as fragmentation), or one of its requirements. Another beneficiary's findings are left out.
 */
export function cellFindings(
  findings: readonly Finding[],
  cell: Pick<HeatmapCell, 'area' | 'year' | 'requirementIds'>,
  beneficiary: string | null = null,
): Finding[] {
  const requirementIds = new Set(cell.requirementIds);
  return findings.filter((finding) => {
    const subject = finding.subject;
    if (beneficiary && typeof subject['beneficiary'] === 'string' && subject['beneficiary'] !== beneficiary)
      return false;
    const named = [...values(subject['requirementId']), ...values(subject['requirementIds'])];
    if (named.some((id) => typeof id === 'string' && requirementIds.has(id))) return true;
    if (!('capabilityArea' in subject)) return false;
    if ((subject['capabilityArea'] ?? null) !== cell.area) return false;
    // Years may come as numbers or as strings ("2026").
    const years = [...values(subject['year']), ...values(subject['years'])]
      .map((year) => (typeof year === 'string' && /^\d{4}$/.test(year) ? Number(year) : year))
      .filter((year): year is number => typeof year === 'number');
    return years.length === 0 || years.includes(cell.year);
  });
}
