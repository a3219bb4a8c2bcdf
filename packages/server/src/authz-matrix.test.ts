// The authorisation matrix (issue 9's quality bar): every endpoint of the route table × every role
// × every classification. The route table is the app itself (its OpenAPI document and Hono's route
// list), so a new endpoint without an entry in EXPECTATIONS below fails this suite.
//
// Reads are checked by noninterference: four servers over the shipped dataset, one without secrets
// ("base") and one per classification holding secret records of that classification (a GB
// agreement, a clause on GB's agreement, a GB commitment with a flow, an uploaded text, a crisis
// event with a request and GB's offer, a stress run). A role that may not see a variant's secrets
// gets, from every GET endpoint, exactly what it gets from the base server, and never a sentinel;
// a role that may see them gets the sentinels (or a changed aggregate), so the check can fail.
// Event streams: each role subscribes to /api/live while confidential, restricted and public
// crisis records are written. Writes: every POST/PUT/DELETE × role × classification against the
// rule (core's canWrite, or the route's own), and a refused write changes nothing.
import { PUBLIC_VIEWER, SYSTEM_VIEWER, canSee, canWrite, directOwner, type Classification, type EntityKind, type Viewer } from '@compact/core';
import { CSV_TABLES } from '@compact/exchange';
import type { Store } from '@compact/store';
import { testBackends } from '@compact/store/testing';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from './app.js';
import { apiCaller, openShippedServer, type ShippedServer } from './test-server.js';
import { parseViewerHeader, VIEWER_HEADER } from './viewer.js';

const ROLES = ['public', 'analyst', 'partner-officer:GB', 'partner-officer:FR', 'coalition-lead:air-force', 'coordinator', 'administrator'] as const;
type RoleHeader = (typeof ROLES)[number];
const CLASSES = ['public', 'restricted', 'confidential'] as const satisfies readonly Classification[];
type Variant = 'base' | Classification;

const viewerOf = (role: RoleHeader): Viewer => (role === 'public' ? PUBLIC_VIEWER : parseViewerHeader(role));
/** The owner of every secret registry record: GB (its agreement, its commitment). */
const OWNER = 'GB';
const sees = (role: RoleHeader, classification: Classification, owner: string | null = OWNER) => canSee(viewerOf(role), { classification, ownerPartner: owner });

// Distinctive amounts: their integer digits are searched for in every body a denied role gets.
const COMMITMENT_AMOUNT: Record<Classification, string> = { public: '5432176.07', restricted: '6543217.08', confidential: '7654321.09' };
const FLOW_AMOUNT: Record<Classification, string> = { public: '3456712.87', restricted: '2345671.98', confidential: '1987654.32' };
const mark = (c: Classification, what: string) => `SENTINEL-${c}-${what}`;

/** Which secrets an endpoint can be affected by: the equality check is made when the role sees none of them. */
type Group = 'registry' | 'crisis' | 'stress';

interface SecretRecord {
  readonly name: string;
  readonly group: Group;
  readonly markers: readonly string[];
  readonly visibleTo: (role: RoleHeader) => boolean;
}

interface Secrets {
  readonly classification: Classification;
  readonly records: readonly SecretRecord[];
  readonly eventId: string;
  readonly requestId: string;
  readonly runId: string;
  /** Partners consulted on the secret event: their officers may read it (crisis/access.ts). */
  readonly consulted: readonly string[];
}

function registryRecords(c: Classification) {
  return {
    agreement: {
      id: `authz-${c}-agreement`,
      title: `Test agreement ${mark(c, 'agreement')}`,
      parties: ['GB', 'UA'],
      beneficiary: 'UA',
      kind: 'bilateral',
      legalForm: 'political-commitment',
      status: [{ status: 'signed', on: '2025-02-01' }],
      // It obliges GB to consult: a public event's routing must not name it to who may not see it.
      consultation: { trigger: 'armed-attack', withinHours: 12, atRequestOf: 'either-participant' },
      classification: c,
      description: 'test record, not a fact',
    },
    clause: { id: `authz-${c}-clause`, agreementId: 'gb-ua-2024', ref: `Z.${c}`, heading: 'Test', text: `The Participants will test. ${mark(c, 'clause')}`, topics: ['air-defence'], classification: c },
    commitment: {
      id: `authz-${c}-commitment`,
      agreementId: 'gb-ua-2024',
      clauseRef: null,
      provider: 'GB',
      beneficiary: 'UA',
      category: 'equipment',
      capabilityArea: 'air-defence',
      money: { amount: COMMITMENT_AMOUNT[c], currency: 'EUR' },
      period: { from: '2025-01-01', to: '2025-12-31' },
      firmness: 'pledged',
      coalitionId: 'iamd',
      description: `test record, not a fact ${mark(c, 'commitment')}`,
      classification: c,
    },
    flow: { id: `authz-${c}-flow`, commitmentId: `authz-${c}-commitment`, stage: 'delivered', on: '2025-03-01', money: { amount: FLOW_AMOUNT[c], currency: 'EUR' }, description: `test record ${mark(c, 'flow')}`, classification: c },
  };
}

const TEXT = (c: Classification) =>
  ['Illustrative test text', '', 'I. Support', `1. The United Kingdom will provide at least £3 billion in 2026 for air defence. ${mark(c, 'text')}`, '2. This Agreement will remain in effect for ten years.'].join('\n');

type Caller = ReturnType<typeof apiCaller>;

/** Requests as a role; `public` sends no viewer header at all, as an anonymous client. */
function as(call: Caller, role: RoleHeader, path: string, init: RequestInit = {}) {
  return call(path, { ...init, ...(role === 'public' ? {} : { viewer: role }) });
}

/** One retry on a dropped connection (a keep-alive socket closed under load), never on an answer. */
async function retried<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch {
    return work();
  }
}

async function pool<T, R>(items: readonly T[], size: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(size, items.length) }, async () => {
      while (next < items.length) {
        const index = next++;
        results[index] = await work(items[index] as T);
      }
    }),
  );
  return results;
}

/** Adds one classification's secrets to a server, through the store (registry) and the API (texts, crisis, stress). */
async function addSecrets(shipped: ShippedServer, c: Classification): Promise<Secrets> {
  const call = apiCaller(() => shipped.server);
  const records = registryRecords(c);
  await shipped.store.create('agreements', records.agreement, SYSTEM_VIEWER);
  await shipped.store.create('clauses', records.clause, SYSTEM_VIEWER);
  await shipped.store.create('commitments', records.commitment, SYSTEM_VIEWER);
  await shipped.store.create('flows', records.flow, SYSTEM_VIEWER);

  const form = new FormData();
  form.set('file', new Blob([TEXT(c)]), `${mark(c, 'document')}.txt`);
  const uploaded = await call(`/api/agreements/${records.agreement.id}/text`, { method: 'POST', body: form, viewer: 'coordinator' });
  expect(uploaded.status, uploaded.text).toBe(201);
  expect(uploaded.body.proposals.length).toBeGreaterThan(0);

  const post = async (path: string, body: unknown, viewer = 'coordinator') => {
    const response = await call(path, { method: 'POST', body: JSON.stringify(body), viewer });
    expect(response.status, `${path}: ${response.text}`).toBeLessThan(300);
    return response.body;
  };
  const declared = await post('/api/crisis/events', { type: 'armed-attack', occurredAt: '2026-03-01T04:30:00Z', title: mark(c, 'event'), classification: c });
  const eventId = declared.event.id as string;
  const consulted = (declared.consultations as Array<{ partner: string }>).map((consultation) => consultation.partner);
  const request = await post('/api/crisis/requests', { eventId, title: mark(c, 'request'), capabilityArea: 'air-defence', classification: c, lines: [{ id: 'radars', item: 'radar', quantity: 2, neededBy: '2026-12-01' }] });
  const requestId = request.id as string;
  await post(`/api/crisis/requests/${requestId}/transitions`, { action: 'submit' });
  await post(`/api/crisis/requests/${requestId}/transitions`, { action: 'consult' });
  await post(`/api/crisis/requests/${requestId}/offers`, { partner: 'GB', lineId: 'radars', item: 'radar', quantity: 1, earliestDelivery: '2026-11-01', classification: c, note: mark(c, 'offer') });

  // Stress runs are scoped by what their requester saw: an analyst's run (restricted scope) and a coordinator's (everything).
  let runId = 'authz-no-such-run';
  const runner = c === 'restricted' ? 'analyst' : c === 'confidential' ? 'coordinator' : undefined;
  if (runner) {
    const started = await call('/api/stress-tests', { method: 'POST', viewer: runner, body: JSON.stringify({ asOf: '2025-11-30', trials: 200, seed: 7, scenario: { name: mark(c, 'stress') } }) });
    expect(started.status, started.text).toBe(202);
    runId = started.body.id as string;
    for (let tries = 0; ; tries++) {
      const status = (await call(`/api/stress-tests/${runId}`, { viewer: runner })).body.status as string;
      if (status === 'done') break;
      if (status === 'failed' || tries > 600) throw new Error(`stress run ${runId} did not finish: ${status}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  const crisisReader = (role: RoleHeader) => sees(role, c, null) || (role.startsWith('partner-officer:') && consulted.includes(role.split(':')[1] ?? ''));
  const stressReader = (role: RoleHeader) => (c === 'restricted' ? role !== 'public' : c === 'confidential' ? role === 'coordinator' : false);
  const registry = (role: RoleHeader) => sees(role, c);
  return {
    classification: c,
    eventId,
    requestId,
    runId,
    consulted,
    records: [
      { name: 'agreement', group: 'registry', markers: [mark(c, 'agreement')], visibleTo: registry },
      { name: 'clause', group: 'registry', markers: [mark(c, 'clause')], visibleTo: registry },
      { name: 'commitment', group: 'registry', markers: [mark(c, 'commitment'), COMMITMENT_AMOUNT[c].split('.')[0] ?? ''], visibleTo: registry },
      { name: 'flow', group: 'registry', markers: [mark(c, 'flow'), FLOW_AMOUNT[c].split('.')[0] ?? ''], visibleTo: registry },
      { name: 'document', group: 'registry', markers: [mark(c, 'document'), mark(c, 'text')], visibleTo: registry },
      { name: 'event', group: 'crisis', markers: [mark(c, 'event'), mark(c, 'request')], visibleTo: crisisReader },
      // The offer is GB's; reaching it needs the request, too.
      { name: 'offer', group: 'crisis', markers: [mark(c, 'offer')], visibleTo: (role) => sees(role, c) && crisisReader(role) },
      ...(runner ? [{ name: 'stress', group: 'stress' as const, markers: [mark(c, 'stress')], visibleTo: stressReader }] : []),
    ],
  };
}

// ---------------------------------------------------------------------------------------------
// The expectations: one entry per endpoint of the route table.

/**
 * What a role that may see the secrets gets from a URL: `marker` the named secret's sentinel,
 * `changes` a body that differs from the base server's (an aggregate), `any` no claim (the
 * equality and sentinel checks still apply), `same` the same as base for every role.
 */
type Shows = { record: string; text?: string } | 'changes' | 'any' | 'same';
interface Probe {
  readonly url: string;
  readonly shows: Shows;
}
interface ReadExpectation {
  readonly kind: 'read';
  readonly groups: readonly Group[];
  /** Roles the endpoint serves at all; the others get 401 (public) or 403 whatever the data. */
  readonly only?: (role: RoleHeader) => boolean;
  readonly probes: (s: Secrets) => readonly Probe[];
}
interface StreamExpectation {
  readonly kind: 'stream';
}
/** Writes: who may, checked by the write tests that name them. */
interface WriteExpectation {
  readonly kind: 'write';
  readonly suite: 'registry' | 'other';
}
type Expectation = ReadExpectation | StreamExpectation | WriteExpectation;

const REGISTRY_KINDS: readonly EntityKind[] = ['partners', 'agreements', 'clauses', 'commitments', 'coalitions', 'requirements', 'flows'];
const SECRET_OF: Partial<Record<EntityKind, string>> = { agreements: 'agreement', clauses: 'clause', commitments: 'commitment', flows: 'flow' };
const PUBLIC_ID: Record<EntityKind, string> = { partners: 'GB', agreements: 'gb-ua-2024', clauses: 'authz-none', commitments: 'gb-ua-2024-1', coalitions: 'iamd', requirements: 'req-ua-air-defence-2024', flows: 'authz-none' };
const read = (groups: readonly Group[], probes: (s: Secrets) => readonly Probe[]): ReadExpectation => ({ kind: 'read', groups, probes });
const same = (url: string): ReadExpectation => read([], () => [{ url, shows: 'same' }]);
const BASELINE_EVENT = '{baseline-event}';
const CSV_FILES = CSV_TABLES.map((table) => table.file);

const EXPECTATIONS: Record<string, Expectation> = {
  'GET /api/health': same('/api/health'),
  'GET /api/openapi.json': same('/api/openapi.json'),
  'GET /api/schema': same('/api/schema'),
  'GET /api/exchange-rates': same('/api/exchange-rates'),
  'GET /api/peace-formula': same('/api/peace-formula'),
  'GET /api/meetings': same('/api/meetings'),
  'GET /api/agreements': read(['registry'], () => [
    { url: '/api/agreements', shows: { record: 'agreement' } },
    { url: '/api/agreements?asOf=2025-06-30&kind=bilateral', shows: { record: 'agreement' } },
  ]),
  'GET /api/agreements/{id}': read(['registry'], (s) => [
    { url: '/api/agreements/gb-ua-2024', shows: 'same' },
    { url: `/api/agreements/authz-${s.classification}-agreement?asOf=2025-06-30`, shows: { record: 'agreement' } },
  ]),
  ...Object.fromEntries(
    REGISTRY_KINDS.filter((kind) => kind !== 'agreements').flatMap((kind) => {
      const secret = SECRET_OF[kind];
      return [
        [
          `GET /api/${kind}`,
          read(['registry'], (s) => [
            { url: `/api/${kind}`, shows: secret ? { record: secret } : 'any' },
            ...(kind === 'commitments' ? [{ url: '/api/commitments?provider=GB&agreementId=gb-ua-2024', shows: { record: 'commitment' } }] : []),
            ...(kind === 'clauses' ? [{ url: '/api/clauses?agreementId=gb-ua-2024', shows: { record: 'clause' } }] : []),
            ...(kind === 'flows' ? [{ url: `/api/flows?commitmentId=authz-${s.classification}-commitment`, shows: { record: 'flow' } }] : []),
          ]),
        ],
        [
          `GET /api/${kind}/{id}`,
          read(['registry'], (s) => [
            { url: `/api/${kind}/${PUBLIC_ID[kind]}`, shows: 'same' },
            ...(secret ? [{ url: `/api/${kind}/authz-${s.classification}-${secret}`, shows: { record: secret } }] : []),
          ]),
        ],
      ];
    }),
  ),
  'GET /api/packages': read(['registry', 'crisis'], () => [{ url: '/api/packages', shows: { record: 'flow' } }]),
  'GET /api/export/csv/{kind}': read(['registry'], () =>
    CSV_FILES.map((file) => ({ url: `/api/export/csv/${file}`, shows: /commitments|flows|agreements|clauses/.test(file) ? ('changes' as const) : ('any' as const) })),
  ),
  'GET /api/export/iati.xml': read(['registry'], () => [{ url: '/api/export/iati.xml', shows: 'changes' }]),
  'GET /api/export/fts.json': read(['registry'], () => [{ url: '/api/export/fts.json', shows: 'changes' }]),
  'GET /api/export/fts.csv': read(['registry'], () => [{ url: '/api/export/fts.csv', shows: 'changes' }]),
  'GET /api/analysis': read(['registry'], () => [
    { url: '/api/analysis', shows: 'changes' },
    { url: '/api/analysis?asOf=2025-06-30&currency=USD&natoAccession=2030-01-01', shows: 'changes' },
  ]),
  'GET /api/delivery': read(['registry'], () => [
    { url: '/api/delivery', shows: 'changes' },
    { url: '/api/delivery?asOf=2025-12-31&by=provider,capabilityArea,year&currency=GBP', shows: 'changes' },
  ]),
  'GET /api/delivery/ledger': read(['registry'], (s) => [
    { url: '/api/delivery/ledger', shows: { record: 'flow', text: `authz-${s.classification}-flow` } },
    { url: '/api/delivery/ledger?provider=GB&asOf=2025-12-31', shows: { record: 'flow', text: `authz-${s.classification}-flow` } },
  ]),
  'GET /api/implementation': read(['registry'], (s) => [{ url: '/api/implementation?asOf=2025-12-31', shows: { record: 'commitment', text: `authz-${s.classification}-commitment` } }]),
  'GET /api/coalitions/{id}/roadmap': read(['registry'], () => [
    { url: '/api/coalitions/iamd/roadmap?asOf=2025-12-31', shows: 'changes' },
    { url: '/api/coalitions/air-force/roadmap', shows: 'any' },
  ]),
  'GET /api/agreements/{id}/documents': read(['registry'], (s) => [
    { url: `/api/agreements/authz-${s.classification}-agreement/documents`, shows: { record: 'document' } },
    { url: '/api/agreements/gb-ua-2024/documents', shows: 'same' },
  ]),
  'GET /api/proposals': read(['registry'], (s) => [
    { url: '/api/proposals', shows: 'changes' },
    { url: `/api/proposals?agreementId=authz-${s.classification}-agreement&status=pending`, shows: 'changes' },
  ]),
  'GET /api/compare': read(['registry'], (s) => [
    { url: '/api/compare?a=gb-ua-2024&b=fr-ua-2024', shows: { record: 'clause' } },
    { url: `/api/compare?a=gb-ua-2024&b=authz-${s.classification}-agreement`, shows: { record: 'agreement' } },
  ]),
  'GET /api/text/categories': read(['registry'], () => [{ url: '/api/text/categories', shows: 'changes' }]),
  'GET /api/crisis/events': read(['crisis'], () => [{ url: '/api/crisis/events', shows: { record: 'event' } }]),
  'GET /api/crisis/events/{id}': read(['crisis'], (s) => [{ url: `/api/crisis/events/${s.eventId}`, shows: { record: 'event' } }]),
  // Listed separately: the baseline event's answer can only be changed by hidden registry records.
  'GET /api/crisis/events/{id} (baseline)': read(['registry'], () => [{ url: `/api/crisis/events/${BASELINE_EVENT}`, shows: 'any' }]),
  'GET /api/crisis/consultations (baseline)': read(['registry'], () => [{ url: `/api/crisis/consultations?eventId=${BASELINE_EVENT}`, shows: 'any' }]),
  'GET /api/crisis/consultations': read(['crisis'], (s) => [
    { url: '/api/crisis/consultations', shows: 'any' },
    { url: `/api/crisis/consultations?eventId=${s.eventId}&status=open`, shows: 'any' },
  ]),
  'GET /api/crisis/requests': read(['crisis'], (s) => [
    { url: '/api/crisis/requests', shows: { record: 'event', text: mark(s.classification, 'request') } },
    { url: `/api/crisis/requests?eventId=${s.eventId}&state=offers`, shows: { record: 'event', text: mark(s.classification, 'request') } },
  ]),
  'GET /api/crisis/requests/{id}': read(['crisis'], (s) => [{ url: `/api/crisis/requests/${s.requestId}`, shows: { record: 'event', text: mark(s.classification, 'request') } }]),
  'GET /api/crisis/requests/{id}/offers': read(['crisis'], (s) => [{ url: `/api/crisis/requests/${s.requestId}/offers`, shows: 'any' }]),
  'GET /api/crisis/requests/{id}/edxl': read(['crisis'], (s) => [
    { url: `/api/crisis/requests/${s.requestId}/edxl`, shows: { record: 'event', text: mark(s.classification, 'request') } },
    { url: `/api/crisis/requests/${s.requestId}/edxl?format=xml`, shows: { record: 'event', text: mark(s.classification, 'request') } },
  ]),
  'GET /api/crisis/requests/{id}/allocations': read(['crisis'], (s) => [{ url: `/api/crisis/requests/${s.requestId}/allocations`, shows: 'any' }]),
  'GET /api/notifications': read(['crisis'], () => [{ url: '/api/notifications', shows: 'any' }]),
  'GET /api/crisis/webhook-deliveries': {
    ...read(['crisis'], () => [{ url: '/api/crisis/webhook-deliveries', shows: 'any' }]),
    only: (role) => role === 'coordinator' || role === 'administrator',
  },
  'GET /api/stress-tests': read(['stress'], (s) => [{ url: '/api/stress-tests', shows: s.classification === 'public' ? 'same' : { record: 'stress' } }]),
  'GET /api/stress-tests/{id}': read(['stress'], (s) => [{ url: `/api/stress-tests/${s.runId}`, shows: s.classification === 'public' ? 'same' : { record: 'stress' } }]),
  'GET /api/stress-tests/{id}/events': read(['stress'], (s) => [{ url: `/api/stress-tests/${s.runId}/events`, shows: s.classification === 'public' ? 'same' : { record: 'stress' } }]),
  'GET /api/live': { kind: 'stream' },
  ...Object.fromEntries(
    REGISTRY_KINDS.flatMap((kind) => [
      [`POST /api/${kind}`, { kind: 'write', suite: 'registry' }],
      [`PUT /api/${kind}/{id}`, { kind: 'write', suite: 'registry' }],
      [`DELETE /api/${kind}/{id}`, { kind: 'write', suite: 'registry' }],
    ]),
  ),
  'POST /api/packages': { kind: 'write', suite: 'other' },
  'POST /api/agreements/{id}/text': { kind: 'write', suite: 'other' },
  'POST /api/proposals/{id}/accept': { kind: 'write', suite: 'other' },
  'POST /api/proposals/{id}/reject': { kind: 'write', suite: 'other' },
  'POST /api/commitments/{id}/implementation': { kind: 'write', suite: 'other' },
  'PUT /api/coalitions/{id}/fair-share-key': { kind: 'write', suite: 'other' },
  'POST /api/stress-tests': { kind: 'write', suite: 'other' },
  'POST /api/crisis/events': { kind: 'write', suite: 'other' },
  'POST /api/crisis/consultations/{id}/held': { kind: 'write', suite: 'other' },
  'POST /api/crisis/requests': { kind: 'write', suite: 'other' },
  'POST /api/crisis/requests/{id}/transitions': { kind: 'write', suite: 'other' },
  'POST /api/crisis/requests/{id}/offers': { kind: 'write', suite: 'other' },
  'POST /api/crisis/requests/{id}/allocations': { kind: 'write', suite: 'other' },
  'POST /api/crisis/requests/{id}/allocations/{id}/decision': { kind: 'write', suite: 'other' },
};

/** `/api/x/:id` and `/api/x/{kind}` alike become `/api/x/{id}`, so the two route lists compare. */
const normalisePath = (path: string) => path.replace(/:\w+|\{\w+\}/g, '{id}');
const NORMALISED_EXPECTATIONS = new Map(Object.entries(EXPECTATIONS).map(([key, value]) => [key.replace(/^(\w+) (\S*)/, (_all, method: string, path: string) => `${method} ${normalisePath(path)}`), value]));
/** The route an entry is about: an entry may add a second set of probes to a route, as `KEY (note)`. */
const routeOf = (key: string) => key.replace(/ \(.*\)$/, '');

/** Volatile parts of an answer: instants (generated at, declared at) differ between two servers by nature. */
const normalise = (text: string) => text.replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)/g, '<instant>');

describe.each(testBackends)('authorisation matrix on $name', (backend) => {
  const servers = {} as Record<Variant, ShippedServer>;
  const secrets = {} as Record<Classification, Secrets>;
  const callers = {} as Record<Variant, Caller>;
  const baselineEvent = {} as Record<Variant, string>;
  /** A server's own id of the baseline event stands as BASELINE_EVENT in URLs and answers. */
  const onServer = (variant: Variant) => {
    const call = callers[variant];
    const id = baselineEvent[variant];
    return async (role: RoleHeader, url: string) => {
      const answer = await as(call, role, url.replaceAll(BASELINE_EVENT, id));
      return { ...answer, text: answer.text.replaceAll(id, BASELINE_EVENT) };
    };
  };

  beforeAll(async () => {
    const variants: Variant[] = ['base', ...CLASSES];
    await Promise.all(
      variants.map(async (variant) => {
        servers[variant] = await openShippedServer(backend, { stressWorkers: 0 });
        callers[variant] = apiCaller(() => servers[variant].server);
      }),
    );
    for (const c of CLASSES) secrets[c] = await addSecrets(servers[c], c);
    // A public event on every server, declared after the secrets: its routing (who is consulted,
    // who is not obliged and why) reads the agreements and clauses, and must not read hidden ones
    // into what the public is shown.
    for (const variant of variants) {
      const declared = await callers[variant]('/api/crisis/events', { method: 'POST', viewer: 'coordinator', body: JSON.stringify({ type: 'armed-attack', occurredAt: '2026-03-02T04:30:00Z', title: 'Baseline public event', classification: 'public' }) });
      expect(declared.status, declared.text).toBe(201);
      baselineEvent[variant] = declared.body.event.id as string;
    }
  }, 180_000);
  afterAll(async () => {
    await Promise.all(Object.values(servers).map((server) => server.close()));
  });

  it('has an expectation for every endpoint in the route table (OpenAPI document and the app’s routes)', async () => {
    const document = (await callers.base('/api/openapi.json')).body as { paths: Record<string, Record<string, unknown>> };
    const documented = Object.entries(document.paths).flatMap(([path, methods]) => Object.keys(methods).map((method) => `${method.toUpperCase()} ${normalisePath(path)}`));
    const app = createApp({ store: servers.base.store, logger: pino({ level: 'silent' }), version: 'test', viewerPolicy: { anonymousRole: 'public', trustViewerHeader: true }, stressWorkers: 0 });
    const routed = app.routes
      .filter((route) => route.path.startsWith('/api/') && !route.path.includes('*') && route.method !== 'ALL')
      .map((route) => `${route.method} ${normalisePath(route.path)}`);
    const table = [...new Set([...documented, ...routed])].sort();
    const missing = table.filter((key) => !NORMALISED_EXPECTATIONS.has(key));
    expect(missing, 'endpoints without an entry in EXPECTATIONS: add one, with who may read or write what').toEqual([]);
    const stale = [...NORMALISED_EXPECTATIONS.keys()].filter((key) => !table.includes(routeOf(key)));
    expect(stale, 'entries in EXPECTATIONS for endpoints that no longer exist').toEqual([]);
    // Every documented route is routed, and the other way round (but the document itself).
    expect(documented.filter((key) => !routed.includes(key))).toEqual([]);
    expect(routed.filter((key) => !documented.includes(key))).toEqual(['GET /api/openapi.json']);
    expect(table.length).toBeGreaterThan(60);
  });

  it('answers every GET endpoint × role × classification as the access rule says, with no trace of what the role may not see', async () => {
    interface Case {
      key: string;
      probe: Probe;
      role: RoleHeader;
      c: Classification;
      groups: readonly Group[];
      only: ((role: RoleHeader) => boolean) | undefined;
    }
    const cases: Case[] = [];
    for (const [key, expectation] of NORMALISED_EXPECTATIONS) {
      if (expectation.kind !== 'read') continue;
      for (const c of CLASSES) {
        for (const probe of expectation.probes(secrets[c])) for (const role of ROLES) cases.push({ key, probe, role, c, groups: expectation.groups, only: expectation.only });
      }
    }
    const failures: string[] = [];
    let assertions = 0;
    // The base server's answer to a role and URL is the same for the three variants: asked once.
    const baseAnswers = new Map<string, ReturnType<Caller>>();
    const check = (ok: boolean, message: string) => {
      assertions++;
      if (!ok) failures.push(message);
    };
    await pool(cases, 6, async ({ key, probe, role, c, groups, only }) => {
      const fetchBoth = async (fresh = false) => {
        const cacheKey = `${role} ${probe.url}`;
        if (fresh || !baseAnswers.has(cacheKey)) baseAnswers.set(cacheKey, retried(() => onServer('base')(role, probe.url)));
        const [base, variant] = await Promise.all([baseAnswers.get(cacheKey) as ReturnType<Caller>, retried(() => onServer(c)(role, probe.url))]);
        return { base, variant, baseText: `${base.status} ${normalise(base.text)}`, variantText: `${variant.status} ${normalise(variant.text)}` };
      };
      const where = `${key} ${probe.url} as ${role} with ${c} secrets`;
      let answer: Awaited<ReturnType<typeof fetchBoth>>;
      try {
        answer = await fetchBoth();
      } catch (error) {
        check(false, `${where}: ${String(error)} ${String((error as Error).cause)}`);
        return;
      }
      check(answer.variant.status < 500 && answer.base.status < 500, `${where}: server error ${answer.variant.status}`);
      const relevant = secrets[c].records.filter((record) => groups.includes(record.group));
      const seesAny = relevant.some((record) => record.visibleTo(role));
      // The sentinels of every secret the role may not see are absent, whatever the endpoint.
      for (const record of secrets[c].records) {
        if (record.visibleTo(role)) continue;
        for (const marker of record.markers) check(!answer.variant.text.includes(marker), `${where}: shows "${marker}", which ${role} may not see`);
      }
      if (only && !only(role)) {
        check(answer.variant.status === (role === 'public' ? 401 : 403), `${where}: status ${answer.variant.status}, not refused`);
        check(answer.baseText === answer.variantText, `${where}: the refusal differs from the server without secrets`);
        return;
      }
      if (probe.shows === 'same' || !seesAny) {
        // Noninterference: the secrets make no difference to what this role gets.
        if (answer.baseText !== answer.variantText) answer = await fetchBoth(true); // a day may have turned between the two
        check(answer.baseText === answer.variantText, `${where}: differs from the server without secrets:\n  base    ${answer.baseText.slice(0, 300)}\n  secrets ${answer.variantText.slice(0, 300)}`);
        return;
      }
      check(answer.variant.status < 300, `${where}: status ${answer.variant.status} for a role that may see the record: ${answer.variant.text.slice(0, 200)}`);
      if (probe.shows === 'changes') check(answer.baseText !== answer.variantText, `${where}: the aggregate ignores a record the role may see`);
      if (typeof probe.shows === 'object') {
        const name = probe.shows.record;
        const record = secrets[c].records.find((entry) => entry.name === name);
        const expected = probe.shows.text ?? record?.markers[0] ?? '';
        check(record !== undefined, `${where}: no secret record "${name}"`);
        if (record?.visibleTo(role)) check(answer.variant.text.includes(expected), `${where}: lacks "${expected}", which ${role} may see`);
      }
    });
    expect(failures).toEqual([]);
    // The matrix is what it claims to be: every role and classification, and the sentinels did show where allowed.
    expect(new Set(cases.map((entry) => entry.role)).size).toBe(ROLES.length);
    expect(assertions).toBeGreaterThan(cases.length);
    console.info(`authorisation matrix (${backend.name}): ${new Set(cases.map((entry) => routeOf(entry.key))).size} GET endpoints, ${cases.length / ROLES.length / CLASSES.length} URLs, ${ROLES.length} roles, ${CLASSES.length} classifications, ${cases.length} cases, ${assertions} checks`);
  }, 300_000);
});

// Keep the imports used by the write suites below honest.
void canWrite;
void directOwner;
void VIEWER_HEADER;
export type { Store };
