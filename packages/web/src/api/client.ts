import { localIsoDate } from '../format/date.js';
import { CSRF_HEADER, csrfToken } from './csrf.js';
import { toAgreementView } from './agreementView.js';
import type {
  CoalitionRoadmap,
  DeliveryRow,
  FairShareKey,
  ImplementationReport,
  LateDelivery,
  AllocationInput,
  AllocationProposal,
  CrisisConsultation,
  CrisisEvent,
  CrisisEventInput,
  CrisisNotification,
  CrisisRequest,
  CrisisRequestInput,
  Offer,
  OfferInput,
  RequestAction,
} from '@compact/core';
import type {
  AgreementList,
  CrisisEventDetail,
  CrisisRequestView,
  AnalysisResult,
  AgreementView,
  ApiErrorBody,
  CategoryMatrix,
  ClauseView,
  CoalitionView,
  Comparison,
  DecisionResult,
  CommitmentView,
  ExchangeRateView,
  Health,
  Items,
  PartnerView,
  Proposal,
  ProposalStatus,
  RequirementView,
  TextDocument,
  TextImportResult,
  StressRequest,
  StressRunView,
} from './types.js';

/** An error answered by the API (`{ error: { code, message, path } }`) or a failure to reach it. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly path?: string,
    /** Every problem the API found, each with its JSON path ("$.lines[0].quantity"). */
    readonly issues: ReadonlyArray<{ path: string; message: string }> = [],
    /** With VERSION_CONFLICT: the record as it now stands, so the reader can see what changed. */
    readonly current?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Code of errors raised before any answer arrived (offline, DNS, CORS). */
export const NETWORK_ERROR = 'NETWORK';
/** Code of answers that were not the JSON error envelope (a proxy's HTML page, say). */
export const UNEXPECTED_RESPONSE = 'UNEXPECTED_RESPONSE';

type Params = Record<string, string | undefined>;

function url(path: string, params: Params = {}): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params))
    if (value !== undefined && value !== '') query.set(key, value);
  const search = query.toString();
  return `/api${path}${search ? `?${search}` : ''}`;
}

function isErrorBody(body: unknown): body is ApiErrorBody {
  if (typeof body !== 'object' || body === null || !('error' in body)) return false;
  const error = body.error;
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as { message?: unknown }).message === 'string'
  );
}

async function getJson<T>(path: string, params?: Params, signal?: AbortSignal): Promise<T> {
  return send<T>(url(path, params), { headers: { Accept: 'application/json' }, signal });
}

/** POSTs JSON, or a form (multipart, the browser sets the boundary). */
async function postJson<T>(path: string, body: unknown): Promise<T> {
  const form = body instanceof FormData;
  return send<T>(url(path), {
    method: 'POST',
    headers: form
      ? { Accept: 'application/json' }
      : { Accept: 'application/json', 'Content-Type': 'application/json' },
    body: form ? body : JSON.stringify(body),
  });
}

async function putJson<T>(path: string, body: unknown): Promise<T> {
  return send<T>(url(path), {
    method: 'PUT',
    headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
}

async function deleteJson(path: string, params: Params): Promise<void> {
  await send<unknown>(url(path, params), { method: 'DELETE', headers: { Accept: 'application/json' } }, true);
}

const SAFE_METHODS = new Set(['GET', 'HEAD']);

export async function send<T>(address: string, init: RequestInit, emptyOk = false): Promise<T> {
  const signal = init.signal ?? undefined;
  let response: Response;
  try {
    // A change made with a session carries its CSRF token (the server refuses it otherwise).
    if (!SAFE_METHODS.has((init.method ?? 'GET').toUpperCase())) {
      const csrf = await csrfToken();
      if (csrf) init = { ...init, headers: { ...(init.headers as Record<string, string>), [CSRF_HEADER]: csrf } };
    }
    response = await fetch(address, init);
  } catch (cause) {
    if (signal?.aborted) throw cause;
    throw new ApiError(0, NETWORK_ERROR, cause instanceof Error ? cause.message : String(cause));
  }
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    if (isErrorBody(body))
      throw new ApiError(
        response.status,
        body.error.code,
        body.error.message,
        body.error.path,
        body.error.issues ?? [],
        body.error.current,
      );
    throw new ApiError(response.status, UNEXPECTED_RESPONSE, `HTTP ${response.status}`);
  }
  if (body === undefined && emptyOk) return undefined as T;
  if (body === undefined) throw new ApiError(response.status, UNEXPECTED_RESPONSE, 'the answer was not JSON');
  return body as T;
}

export type AgreementKind = 'bilateral' | 'multilateral' | 'declaration';

function today(): string {
  return localIsoDate(new Date());
}

export const api = {
  health: (signal?: AbortSignal) => getJson<Health>('/health', undefined, signal),

  agreements: async (filter: { asOf?: string; kind?: AgreementKind }, signal?: AbortSignal) => {
    const list = await getJson<AgreementList>(
      '/agreements',
      { asOf: filter.asOf, kind: filter.kind },
      signal,
    );
    return { ...list, items: list.items.map((item) => toAgreementView(item, list.asOf)) };
  },

  /** With its status today (the API may send the plain record; the view fields are then computed here). */
  agreement: async (id: string, signal?: AbortSignal) =>
    toAgreementView(
      await getJson<AgreementView>(`/agreements/${encodeURIComponent(id)}`, undefined, signal),
      today(),
    ),

  partners: (signal?: AbortSignal) => getJson<Items<PartnerView>>('/partners', undefined, signal),

  commitments: (filter: { agreementId?: string; provider?: string }, signal?: AbortSignal) =>
    getJson<Items<CommitmentView>>('/commitments', filter, signal),

  coalitions: (signal?: AbortSignal) => getJson<Items<CoalitionView>>('/coalitions', undefined, signal),

  coalition: (id: string, signal?: AbortSignal) =>
    getJson<CoalitionView>(`/coalitions/${encodeURIComponent(id)}`, undefined, signal),

  coalitionRoadmap: (id: string, params: DeliveryParams, signal?: AbortSignal) =>
    getJson<CoalitionRoadmap>(`/coalitions/${encodeURIComponent(id)}/roadmap`, { ...params }, signal),

  setFairShareKey: (id: string, key: FairShareKey, version: number) =>
    putJson<CoalitionView>(`/coalitions/${encodeURIComponent(id)}/fair-share-key`, { ...key, version }),

  delivery: (params: DeliveryParams & { by: string }, signal?: AbortSignal) =>
    getJson<DeliveryReport>('/delivery', { ...params }, signal),

  implementation: (params: DeliveryParams, signal?: AbortSignal) =>
    getJson<ImplementationReport>('/implementation', { ...params }, signal),

  clauses: (agreementId: string, signal?: AbortSignal) =>
    getJson<Items<ClauseView>>('/clauses', { agreementId }, signal),

  requirements: (signal?: AbortSignal) => getJson<Items<RequirementView>>('/requirements', undefined, signal),

  exchangeRates: (signal?: AbortSignal) =>
    getJson<Items<ExchangeRateView>>('/exchange-rates', undefined, signal),

  /** Uploads an agreement's text (.txt, .md, .pdf, .docx) as multipart field `file`. */
  importText: (agreementId: string, file: File) => {
    const form = new FormData();
    form.append('file', file);
    return postJson<TextImportResult>(`/agreements/${encodeURIComponent(agreementId)}/text`, form);
  },

  documents: (agreementId: string, signal?: AbortSignal) =>
    getJson<Items<TextDocument>>(
      `/agreements/${encodeURIComponent(agreementId)}/documents`,
      undefined,
      signal,
    ),

  proposals: (filter: { agreementId?: string; status?: ProposalStatus }, signal?: AbortSignal) =>
    getJson<Items<Proposal>>('/proposals', filter, signal),

  acceptProposal: (id: string, body: { version: number; draft?: Record<string, unknown> }) =>
    postJson<DecisionResult>(`/proposals/${encodeURIComponent(id)}/accept`, body),

  rejectProposal: (id: string, body: { version: number; note?: string }) =>
    postJson<DecisionResult>(`/proposals/${encodeURIComponent(id)}/reject`, body),

  compare: (a: string, b: string, signal?: AbortSignal) => getJson<Comparison>('/compare', { a, b }, signal),

  textCategories: (signal?: AbortSignal) => getJson<CategoryMatrix>('/text/categories', undefined, signal),

  analysis: (params: AnalysisParams, signal?: AbortSignal) =>
    getJson<AnalysisResult>(
      '/analysis',
      {
        asOf: params.asOf,
        currency: params.currency,
        natoAccession: params.natoAccession ?? undefined,
        ...Object.fromEntries(Object.entries(params.thresholds ?? {}).map(([option, value]) => [option, String(value)])),
      },
      signal,
    ),

  stressRuns: (signal?: AbortSignal) => getJson<Items<StressRunView>>('/stress-tests', undefined, signal),

  stressRun: (id: string, signal?: AbortSignal) =>
    getJson<StressRunView>(`/stress-tests/${encodeURIComponent(id)}`, undefined, signal),

  startStress: (request: StressRequest) => postJson<StressRunView>('/stress-tests', request),
};

export type EntityKind = 'partners' | 'agreements' | 'clauses' | 'commitments' | 'coalitions' | 'requirements' | 'flows';
export type EntityRecord = Record<string, unknown> & { version?: number };

const entityPath = (kind: EntityKind, id?: string) =>
  id === undefined ? `/${kind}` : `/${kind}/${encodeURIComponent(id)}`;

/** The registry's editable records, one shape for every kind (PUT answers 409 with a stale version). */
export const entityApi = {
  list: (kind: EntityKind, signal?: AbortSignal) =>
    getJson<Items<EntityRecord>>(entityPath(kind), undefined, signal),
  get: (kind: EntityKind, id: string, signal?: AbortSignal) =>
    getJson<EntityRecord>(entityPath(kind, id), undefined, signal),
  create: (kind: EntityKind, body: EntityRecord) => postJson<EntityRecord>(entityPath(kind), body),
  update: (kind: EntityKind, id: string, body: EntityRecord) => putJson<EntityRecord>(entityPath(kind, id), body),
  remove: (kind: EntityKind, id: string, version: number) =>
    deleteJson(entityPath(kind, id), { version: String(version) }),
};

const crisisRequest = (id: string) => `/crisis/requests/${encodeURIComponent(id)}`;

/** The crisis desk: events and their consultation clocks, requests, offers and allocations. */
export const crisisApi = {
  events: (signal?: AbortSignal) => getJson<Items<CrisisEvent>>('/crisis/events', undefined, signal),
  event: (id: string, signal?: AbortSignal) =>
    getJson<CrisisEventDetail>(`/crisis/events/${encodeURIComponent(id)}`, undefined, signal),
  declareEvent: (input: CrisisEventInput) => postJson<CrisisEventDetail>('/crisis/events', input),
  holdConsultation: (id: string, note?: string) =>
    postJson<CrisisConsultation>(
      `/crisis/consultations/${encodeURIComponent(id)}/held`,
      note ? { note } : {},
    ),
  createRequest: (input: CrisisRequestInput) => postJson<CrisisRequest>('/crisis/requests', input),
  request: (id: string, signal?: AbortSignal) =>
    getJson<CrisisRequestView>(crisisRequest(id), undefined, signal),
  transition: (id: string, body: { action: RequestAction; note?: string; version?: number }) =>
    postJson<CrisisRequestView>(`${crisisRequest(id)}/transitions`, body),
  offers: (id: string, signal?: AbortSignal) =>
    getJson<Items<Offer>>(`${crisisRequest(id)}/offers`, undefined, signal),
  addOffer: (id: string, input: OfferInput) => postJson<Offer>(`${crisisRequest(id)}/offers`, input),
  allocations: (id: string, signal?: AbortSignal) =>
    getJson<Items<AllocationProposal>>(`${crisisRequest(id)}/allocations`, undefined, signal),
  solve: (id: string, input: AllocationInput) =>
    postJson<AllocationProposal>(`${crisisRequest(id)}/allocations`, input),
  decide: (id: string, allocationId: string, note?: string) =>
    postJson<AllocationProposal>(
      `${crisisRequest(id)}/allocations/${encodeURIComponent(allocationId)}/decision`,
      note ? { note } : {},
    ),
  notifications: (signal?: AbortSignal) =>
    getJson<Items<CrisisNotification>>('/notifications', undefined, signal),
  /** Addresses of the EDXL-RM export, for links. */
  edxlUrl: (id: string, format: 'json' | 'xml') =>
    url(`${crisisRequest(id)}/edxl`, { format: format === 'xml' ? 'xml' : undefined }),
};

/** The server-sent events of a run's progress. */
export function stressEventsUrl(id: string): string {
  return url(`/stress-tests/${encodeURIComponent(id)}/events`);
}

export interface DeliveryParams {
  asOf: string;
  currency: string;
}

export interface DeliveryReport {
  asOf: string;
  currency: string;
  by: string[];
  rows: DeliveryRow[];
  late: LateDelivery[];
}

export interface AnalysisParams {
  asOf: string;
  currency: string;
  natoAccession?: string | null;
  /** The rules' thresholds, by option name (`fragmentationThreshold`…); absent ones keep their defaults. */
  thresholds?: Partial<Record<string, number>>;
}
