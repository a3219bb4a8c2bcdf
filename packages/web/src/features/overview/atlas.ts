import type { FeatureCollection, Geometry } from 'geojson';
import type { Topology, GeometryCollection } from 'topojson-specification';

/**
 * ISO 3166-1 alpha-2 to the numeric codes world-atlas uses as feature ids, for the partners in
 * data/compact.json. `EU` is not a country (the map shows it as a legend chip); Kosovo has no
 * numeric code, and world-atlas names it instead.
 */
export const NUMERIC_BY_ALPHA2: Readonly<Record<string, string | null>> = {
  AL: '008',
  BE: '056',
  BG: '100',
  CA: '124',
  CZ: '203',
  DE: '276',
  DK: '208',
  EE: '233',
  ES: '724',
  EU: null,
  FI: '246',
  FR: '250',
  GB: '826',
  GR: '300',
  HR: '191',
  IE: '372',
  IS: '352',
  IT: '380',
  JP: '392',
  LT: '440',
  LU: '442',
  LV: '428',
  ME: '499',
  MK: '807',
  NL: '528',
  NO: '578',
  PL: '616',
  PT: '620',
  RO: '642',
  SE: '752',
  SI: '705',
  UA: '804',
  US: '840',
  XK: null,
};

/** Features world-atlas gives without a numeric id, found by name. */
const ALPHA2_BY_NAME: Readonly<Record<string, string>> = { Kosovo: 'XK' };

const ALPHA2_BY_NUMERIC = new Map(
  Object.entries(NUMERIC_BY_ALPHA2).flatMap(([alpha2, numeric]) => (numeric ? [[numeric, alpha2] as const] : [])),
);

/** The partner code of a world-atlas feature, or null for a country that is not a partner. */
export function alpha2Of(feature: { id?: string | number | undefined; properties?: { name?: string } | null }): string | null {
  if (feature.id !== undefined) {
    const code = ALPHA2_BY_NUMERIC.get(String(feature.id).padStart(3, '0'));
    if (code) return code;
  }
  const name = feature.properties?.name;
  return name ? (ALPHA2_BY_NAME[name] ?? null) : null;
}

export interface CountryShape {
  /** world-atlas id or name, unique per feature. */
  key: string;
  name: string;
  code: string | null;
  geometry: Geometry;
}

let loading: Promise<CountryShape[]> | null = null;

/**
 * Loads countries-110m once, on first use: 108 kB of JSON kept out of the initial bundle. The
 * overview asks for it as it starts rendering, so the download overlaps the map chunk's.
 */
export function loadCountries(): Promise<CountryShape[]> {
  loading ??= readCountries().catch((error: unknown) => {
    loading = null;
    throw error;
  });
  return loading;
}

async function readCountries(): Promise<CountryShape[]> {
  const [{ feature }, atlas] = await Promise.all([
    import('topojson-client'),
    import('world-atlas/countries-110m.json'),
  ]);
  const topology = (atlas as { default?: unknown }).default ?? atlas;
  const world = topology as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>;
  const collection = feature(world, world.objects.countries) as FeatureCollection<Geometry, { name: string }>;
  return collection.features
    .filter((country) => country.properties.name !== 'Antarctica')
    .map((country, index) => ({
      key: String(country.id ?? `${country.properties.name}-${index}`),
      name: country.properties.name,
      code: alpha2Of(country),
      geometry: country.geometry,
    }));
}
