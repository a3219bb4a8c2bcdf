import type { Meeting, PeaceFormulaPoint } from '@compact/core';
import { send } from './client.js';
import type {
  AgreementView,
  AnalysisResult,
  CoalitionView,
  CommitmentView,
  PartnerView,
  RequirementView,
} from './types.js';

// The public API (/api/public/*): public records only, whoever asks. The portal reads nothing
// else, so a signed-in coordinator sees there what the public sees.

export const PUBLIC_BASE = '/api/public';
/** The largest page the public API gives: a whole collection of the shipped data in one request. */
export const PUBLIC_PAGE_SIZE = 500;
/** A guard against a `next` link that never ends (a server bug should not hang the page). */
const MAX_PAGES = 200;

type Params = Record<string, string | undefined>;

/** `/api/public{path}?{params}`, leaving out empty parameters. */
export function publicUrl(path: string, params: Params = {}): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params))
    if (value !== undefined && value !== '') query.set(key, value);
  const search = query.toString();
  return `${PUBLIC_BASE}${path}${search ? `?${search}` : ''}`;
}

export interface Page<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
  pages: number;
  next: string | null;
  previous: string | null;
}

/**
 * Every item of a paginated collection, following `next` links from the first page. Only links
 * into the public API are followed, each once.
 */
export async function collectPages<T>(first: string, fetchPage: (address: string) => Promise<Page<T>>): Promise<T[]> {
  const items: T[] = [];
  const seen = new Set<string>();
  let address: string | null = first;
  while (address !== null) {
    if (seen.has(address) || seen.size >= MAX_PAGES || !address.startsWith(`${PUBLIC_BASE}/`)) break;
    seen.add(address);
    const page: Page<T> = await fetchPage(address);
    items.push(...page.items);
    address = page.next;
  }
  return items;
}

export interface PublicIndex {
  title: string;
  dataAsOf: string | null;
  licence: string;
  citation: string;
  documentation: string;
  downloads: { package: string; schema: string; csv: string[] };
  collections: string[];
  summary: string;
  changes: string;
  embeds: string[];
}

export interface PublicSummary {
  asOf: string;
  dataAsOf: string | null;
  agreements: {
    total: number;
    counted: number;
    byStatus: Partial<Record<string, number>>;
    signed: number;
    signedWithConsultation: number;
  };
  partners: number;
  coalitions: Array<{ id: string; name: string; leads: string[]; members: number }>;
  commitments: { count: number; byCapabilityArea: Record<string, number> };
  flows: number;
}

export interface PeaceFormula {
  /** Point 9, prevention of escalation, first; then the others in order. */
  items: PeaceFormulaPoint[];
  meetings: Meeting[];
}

export interface PublicChange {
  at: string;
  change: 'created' | 'updated' | 'deleted';
  entity: string;
  id: string;
  record?: Record<string, unknown>;
}

export interface PublicChanges {
  since: string;
  items: PublicChange[];
}

/** The parts of an OpenAPI 3.1 document the API page reads. */
export interface OpenApiParameter {
  name: string;
  in: string;
  required?: boolean;
  description?: string;
  schema?: { description?: string };
}

export interface OpenApiOperation {
  summary?: string;
  description?: string;
  tags?: string[];
  parameters?: OpenApiParameter[];
}

export interface OpenApiDocument {
  openapi?: string;
  info?: { title?: string; version?: string; description?: string };
  paths?: Record<string, Record<string, OpenApiOperation | undefined> | undefined>;
}

const get = <T>(address: string, signal?: AbortSignal) =>
  send<T>(address, { headers: { Accept: 'application/json' }, signal });

function collection<T>(kind: string) {
  return (signal?: AbortSignal) =>
    collectPages<T>(publicUrl(`/${kind}`, { pageSize: String(PUBLIC_PAGE_SIZE) }), (address) =>
      get<Page<T>>(address, signal),
    );
}

/** The public API's reads. Agreements come as plain records: their status on a day is computed by the caller. */
export const publicApi = {
  index: (signal?: AbortSignal) => get<PublicIndex>(publicUrl(''), signal),
  summary: (asOf: string, signal?: AbortSignal) => get<PublicSummary>(publicUrl('/summary', { asOf }), signal),
  agreements: collection<AgreementView>('agreements'),
  partners: collection<PartnerView>('partners'),
  commitments: collection<CommitmentView>('commitments'),
  coalitions: collection<CoalitionView>('coalitions'),
  requirements: collection<RequirementView>('requirements'),
  agreement: (id: string, signal?: AbortSignal) =>
    get<AgreementView>(publicUrl(`/agreements/${encodeURIComponent(id)}`), signal),
  peaceFormula: (signal?: AbortSignal) => get<PeaceFormula>(publicUrl('/peace-formula'), signal),
  analysis: (asOf: string, signal?: AbortSignal) => get<AnalysisResult>(publicUrl('/analysis', { asOf }), signal),
  changes: (since: string, signal?: AbortSignal) => get<PublicChanges>(publicUrl('/changes', { since }), signal),
  openApi: (signal?: AbortSignal) => get<OpenApiDocument>(publicUrl('/openapi.json'), signal),
};
