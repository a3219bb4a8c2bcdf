// Donor names and codes as the tracker writes them, matched to the registry's partners. A donor is
// mapped only to a partner that exists; the tables below only say which code a name or an alpha-3
// code means, they never create partners.

/** ISO 3166-1 alpha-3 → alpha-2 for the donors the tracker covers (and the registry's partners). */
const ALPHA3: Record<string, string> = {
  AUS: 'AU', AUT: 'AT', BEL: 'BE', BGR: 'BG', CAN: 'CA', CHE: 'CH', CHN: 'CN', CYP: 'CY', CZE: 'CZ',
  DEU: 'DE', DNK: 'DK', ESP: 'ES', EST: 'EE', FIN: 'FI', FRA: 'FR', GBR: 'GB', GRC: 'GR', HRV: 'HR',
  HUN: 'HU', IND: 'IN', IRL: 'IE', ISL: 'IS', ITA: 'IT', JPN: 'JP', KOR: 'KR', LTU: 'LT', LUX: 'LU',
  LVA: 'LV', MLT: 'MT', NLD: 'NL', NOR: 'NO', NZL: 'NZ', POL: 'PL', PRT: 'PT', ROU: 'RO', SVK: 'SK',
  SVN: 'SI', SWE: 'SE', TUR: 'TR', TWN: 'TW', USA: 'US', ALB: 'AL', MNE: 'ME', MKD: 'MK', XKX: 'XK',
  KOS: 'XK', UKR: 'UA', MDA: 'MD', SRB: 'RS', BIH: 'BA', LIE: 'LI', MCO: 'MC', SMR: 'SM', AND: 'AD',
  ISR: 'IL', SAU: 'SA', ARE: 'AE', QAT: 'QA', BRA: 'BR', MEX: 'MX', ZAF: 'ZA', SGP: 'SG', GEO: 'GE',
  // The EU institutions have no ISO code; files use these.
  EUI: 'EU', EUU: 'EU', EUN: 'EU', EU: 'EU',
};

/** Normalised donor names → partner code: the tracker's spellings and common variants. */
const NAMES: Record<string, string> = {
  'eu commission and council': 'EU', 'eu institutions': 'EU', 'european union': 'EU', eu: 'EU',
  'eu institutions commission and council': 'EU', 'european commission': 'EU', 'eu commission': 'EU',
  'european union institutions': 'EU',
  'united kingdom': 'GB', uk: 'GB', 'great britain': 'GB', britain: 'GB',
  'united states': 'US', usa: 'US', us: 'US', 'united states of america': 'US',
  'czech republic': 'CZ', czechia: 'CZ',
  turkey: 'TR', turkiye: 'TR', 'republic of turkiye': 'TR',
  'south korea': 'KR', korea: 'KR', 'republic of korea': 'KR', 'korea republic of': 'KR', 'korea south': 'KR',
  netherlands: 'NL', 'the netherlands': 'NL', holland: 'NL',
  slovakia: 'SK', 'slovak republic': 'SK',
  'north macedonia': 'MK', macedonia: 'MK',
  kosovo: 'XK', taiwan: 'TW', china: 'CN', india: 'IN', switzerland: 'CH', 'new zealand': 'NZ',
  australia: 'AU', austria: 'AT', belgium: 'BE', bulgaria: 'BG', canada: 'CA', croatia: 'HR', cyprus: 'CY',
  denmark: 'DK', estonia: 'EE', finland: 'FI', france: 'FR', germany: 'DE', greece: 'GR', hungary: 'HU',
  iceland: 'IS', ireland: 'IE', italy: 'IT', japan: 'JP', latvia: 'LV', lithuania: 'LT', luxembourg: 'LU',
  malta: 'MT', norway: 'NO', poland: 'PL', portugal: 'PT', romania: 'RO', slovenia: 'SI', spain: 'ES',
  sweden: 'SE', albania: 'AL', montenegro: 'ME', ukraine: 'UA', moldova: 'MD', serbia: 'RS',
};

/** Lower case, no accents or punctuation, single spaces: "Türkiye " → "turkiye", "EU (Commission and Council)" → "eu commission and council". */
export function normaliseName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .replace(/^the /, '');
}

export interface PartnerRef {
  readonly code: string;
  readonly name: string;
}

export type DonorMatch =
  | { readonly partner: string; readonly conflict?: string }
  | { readonly partner?: undefined; readonly code?: string; readonly reason: string };

/**
 * Matches donors to partners: by the code column first (alpha-2 or alpha-3), then by name through
 * the alias table and the registry's own names. Results are cached per (name, code) pair, which is
 * what makes 100,000 rows cheap: a file has a few dozen donors.
 */
export class DonorMatcher {
  private readonly codes: Set<string>;
  private readonly byName = new Map<string, string>();
  /** By name, then by code: no key string is built per row. */
  private readonly cache = new Map<string, Map<string, DonorMatch>>();

  constructor(partners: readonly PartnerRef[]) {
    this.codes = new Set(partners.map((partner) => partner.code));
    for (const [name, code] of Object.entries(NAMES)) this.byName.set(name, code);
    // The registry's names win over the table: they are what this deployment calls its partners.
    for (const partner of partners) this.byName.set(normaliseName(partner.name), partner.code);
  }

  match(name: string, iso: string): DonorMatch {
    let byIso = this.cache.get(name);
    if (!byIso) {
      byIso = new Map();
      this.cache.set(name, byIso);
    }
    let found = byIso.get(iso);
    if (!found) {
      found = this.resolve(name, iso);
      byIso.set(iso, found);
    }
    return found;
  }

  private resolve(name: string, iso: string): DonorMatch {
    const isoKey = iso.trim().toUpperCase();
    const fromIso = isoKey.length === 2 ? isoKey : ALPHA3[isoKey];
    const fromName = name.trim() ? this.byName.get(normaliseName(name)) : undefined;
    const code = fromIso ?? fromName;
    const label = [name.trim() && `"${name.trim()}"`, isoKey].filter(Boolean).join(' ');
    if (!code) {
      if (!name.trim() && !isoKey) return { reason: 'no donor' };
      return { reason: `donor ${label} is not known` };
    }
    if (!this.codes.has(code)) return { code, reason: `donor ${label} (${code}) is not a partner in the registry` };
    if (fromIso && fromName && fromIso !== fromName) return { partner: code, conflict: `donor "${name.trim()}" is ${fromName} by name but ${isoKey} by code; the code was used` };
    return { partner: code };
  }
}
