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
import { PUBLIC_VIEWER, SYSTEM_VIEWER, canSee, canWrite, recordId, type Classification, type EntityKind, type Viewer } from '@compact/core';
import { CSV_TABLES } from '@compact/exchange';
import { Accounts } from '@compact/store';
import { testBackends } from '@compact/store/testing';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from './app.js';
import { apiCaller, openShippedServer, SHIPPED_DATASET, type ShippedServer } from './test-server.js';
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

interface LiveStream {
  events: Array<{ event: string; data: Record<string, unknown> }>;
  close(): void;
}

/** Reads /api/live as a role into an array until closed. */
async function openLive(url: string, role: RoleHeader): Promise<LiveStream> {
  const controller = new AbortController();
  const response = await fetch(`${url}/api/live`, { headers: role === 'public' ? {} : { [VIEWER_HEADER]: role }, signal: controller.signal });
  expect(response.headers.get('content-type')).toContain('text/event-stream');
  const events: LiveStream['events'] = [];
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  void (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += value;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const name = /^event: (.*)$/m.exec(block)?.[1];
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (name && data) events.push({ event: name, data: JSON.parse(data) as Record<string, unknown> });
        }
      }
    } catch {
      // closed
    }
  })();
  await expect.poll(() => events.some((e) => e.event === 'ready')).toBe(true);
  return { events, close: () => controller.abort() };
}

const SHIPPED_PARTNERS = (SHIPPED_DATASET as { partners: Array<{ code: string }> }).partners.map((partner) => partner.code);

/** A new record of a kind and classification for the write matrix, its id, and the partner that owns it. */
function writeTemplate(kind: EntityKind, c: Classification, n: number, codes: readonly string[]): { record: Record<string, unknown>; id: string; owner: string | null } {
  const id = `authz-w-${kind}-${c}-${n}`;
  const base = { classification: c, sources: [] };
  switch (kind) {
    case 'partners': {
      const code = codes[n % codes.length] as string;
      return { record: { code, name: `Test partner ${n}`, ...base }, id: code, owner: code };
    }
    case 'agreements':
      return { record: { id, title: 'Test agreement', parties: ['GB', 'UA'], beneficiary: 'UA', kind: 'bilateral', legalForm: 'political-commitment', status: [{ status: 'signed', on: '2025-02-01' }], ...base }, id, owner: OWNER };
    case 'clauses':
      return { record: { id, agreementId: 'gb-ua-2024', ref: `W.${n}`, text: 'The Participants will test.', topics: [], ...base }, id, owner: OWNER };
    case 'commitments':
      return {
        record: { id, agreementId: 'gb-ua-2024', provider: 'GB', beneficiary: 'UA', category: 'equipment', capabilityArea: 'air-defence', money: { amount: '1000', currency: 'EUR' }, period: { from: '2025-01-01', to: '2025-12-31' }, firmness: 'pledged', ...base },
        id,
        owner: OWNER,
      };
    case 'coalitions':
      return { record: { id, name: 'Test coalition', capabilityAreas: ['air-defence'], leads: ['GB'], members: [], milestones: [], ...base }, id, owner: null };
    case 'requirements':
      return { record: { id, beneficiary: 'UA', capabilityArea: 'air-defence', period: { from: '2025-01-01', to: '2025-12-31' }, money: { amount: '1000', currency: 'EUR' }, priority: 'high', basis: 'illustrative', ...base }, id, owner: 'UA' };
    case 'flows':
      return { record: { id, provider: 'GB', beneficiary: 'UA', stage: 'pledge', on: '2025-01-01', money: { amount: '1000', currency: 'EUR' }, ...base }, id, owner: OWNER };
  }
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
  /** The public API: it answers every role as the public, whatever credentials come with the request. */
  readonly asPublic?: boolean;
  readonly probes: (s: Secrets) => readonly Probe[];
}
interface StreamExpectation {
  readonly kind: 'stream';
}
/** Writes: who may, checked by the write tests that name them. */
interface WriteExpectation {
  readonly kind: 'write';
  readonly suite: 'registry' | 'other' | 'accounts';
}
type Expectation = ReadExpectation | StreamExpectation | WriteExpectation;

const REGISTRY_KINDS: readonly EntityKind[] = ['partners', 'agreements', 'clauses', 'commitments', 'coalitions', 'requirements', 'flows'];
const SECRET_OF: Partial<Record<EntityKind, string>> = { agreements: 'agreement', clauses: 'clause', commitments: 'commitment', flows: 'flow' };
const PUBLIC_ID: Record<EntityKind, string> = { partners: 'GB', agreements: 'gb-ua-2024', clauses: 'authz-none', commitments: 'gb-ua-2024-1', coalitions: 'iamd', requirements: 'req-ua-air-defence-2024', flows: 'authz-none' };
const read = (groups: readonly Group[], probes: (s: Secrets) => readonly Probe[]): ReadExpectation => ({ kind: 'read', groups, probes });
const same = (url: string): ReadExpectation => read([], () => [{ url, shows: 'same' }]);
/** A public API URL: what it shows depends on the secret's classification only, never on the role. */
const publicRead = (url: (s: Secrets) => string, shows: Shows = 'any'): ReadExpectation => ({ ...read(['registry'], (s) => [{ url: url(s), shows }]), asPublic: true });
const administratorsOnly = (url: string): ReadExpectation => ({ ...same(url), only: (role) => role === 'administrator' });
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
  'GET /api/auth/session': same('/api/auth/session'),
  'GET /api/users': administratorsOnly('/api/users'),
  'GET /api/users/{id}': administratorsOnly('/api/users/no-such-account'),
  'GET /api/tokens': administratorsOnly('/api/tokens'),
  'GET /api/public': publicRead(() => '/api/public'),
  'GET /api/public/openapi.json': publicRead(() => '/api/public/openapi.json'),
  'GET /api/public/summary': publicRead(() => '/api/public/summary?asOf=2025-06-30', 'changes'),
  'GET /api/public/package.json': publicRead(() => '/api/public/package.json', { record: 'commitment' }),
  'GET /api/public/schema.json': publicRead(() => '/api/public/schema.json'),
  'GET /api/public/csv/{file}': { ...read(['registry'], () => CSV_FILES.map((file) => ({ url: `/api/public/csv/${file}`, shows: 'any' as const }))), asPublic: true },
  'GET /api/public/changes': publicRead(() => '/api/public/changes?since=2000-01-01', { record: 'commitment' }),
  'GET /api/public/analysis': publicRead(() => '/api/public/analysis?asOf=2025-06-30', 'changes'),
  'GET /api/public/peace-formula': publicRead(() => '/api/public/peace-formula'),
  'GET /api/public/embed/partners/{file}': publicRead(() => '/api/public/embed/partners/GB.svg'),
  'GET /api/public/embed/coalitions/{file}': publicRead(() => '/api/public/embed/coalitions/iamd.svg'),
  // The secret commitment is GB's money for air defence in 2025: it changes GB's briefing and chart.
  'GET /api/public/embed/areas.svg': publicRead(() => '/api/public/embed/areas.svg?partner=GB&asOf=2025-06-30', 'changes'),
  'GET /api/public/briefing.pdf': publicRead(() => '/api/public/briefing.pdf?partner=GB&asOf=2025-06-30', 'changes'),
  'GET /api/public/briefing.md': publicRead(() => '/api/public/briefing.md?partner=GB&asOf=2025-06-30&lang=uk', 'changes'),
  'GET /api/briefing.pdf': read(['registry'], () => [{ url: '/api/briefing.pdf?partner=GB&asOf=2025-06-30', shows: 'changes' }]),
  'GET /api/briefing.md': read(['registry'], () => [
    { url: '/api/briefing.md?partner=GB&asOf=2025-06-30', shows: 'changes' },
    { url: '/api/briefing.md?coalition=iamd&asOf=2025-06-30&lang=uk', shows: 'changes' },
  ]),
  ...Object.fromEntries(
    REGISTRY_KINDS.flatMap((kind) => {
      const secret = SECRET_OF[kind];
      return [
        [`GET /api/public/${kind}`, publicRead(() => `/api/public/${kind}?pageSize=500`, secret ? { record: secret } : 'any')],
        [`GET /api/public/${kind}/{id}`, { ...read(['registry'], (s) => [
          { url: `/api/public/${kind}/${PUBLIC_ID[kind]}`, shows: 'same' as const },
          ...(secret ? [{ url: `/api/public/${kind}/authz-${s.classification}-${secret}`, shows: { record: secret } }] : []),
        ]), asPublic: true }],
      ];
    }),
  ),
  'POST /api/auth/login': { kind: 'write', suite: 'accounts' },
  'POST /api/auth/logout': { kind: 'write', suite: 'accounts' },
  'POST /api/auth/password': { kind: 'write', suite: 'accounts' },
  'POST /api/users': { kind: 'write', suite: 'accounts' },
  'PATCH /api/users/{id}': { kind: 'write', suite: 'accounts' },
  'POST /api/tokens': { kind: 'write', suite: 'accounts' },
  'DELETE /api/tokens/{id}': { kind: 'write', suite: 'accounts' },
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
const normalise = (text: string) =>
  text.replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)/g, '<instant>').replace(/http:\/\/127\.0\.0\.1:\d+/g, '<origin>');

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
    // Every documented route is routed, and the other way round (but the documents themselves).
    expect(documented.filter((key) => !routed.includes(key))).toEqual([]);
    expect(routed.filter((key) => !documented.includes(key)).sort()).toEqual(['GET /api/openapi.json', 'GET /api/public/openapi.json']);
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
      /** Whose rights decide what may show: the role's, or the public's (the public API). */
      seer: RoleHeader;
    }
    const cases: Case[] = [];
    for (const [key, expectation] of NORMALISED_EXPECTATIONS) {
      if (expectation.kind !== 'read') continue;
      for (const c of CLASSES) {
        for (const probe of expectation.probes(secrets[c])) for (const role of ROLES) cases.push({ key, probe, role, c, groups: expectation.groups, only: expectation.only, seer: expectation.asPublic ? 'public' : role });
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
    await pool(cases, 6, async ({ key, probe, role, c, groups, only, seer }) => {
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
      const seesAny = relevant.some((record) => record.visibleTo(seer));
      // The sentinels of every secret the role may not see are absent, whatever the endpoint.
      for (const record of secrets[c].records) {
        if (record.visibleTo(seer)) continue;
        for (const marker of record.markers) check(!answer.variant.text.includes(marker), `${where}: shows "${marker}", which ${seer} may not see`);
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
        if (record?.visibleTo(seer)) check(answer.variant.text.includes(expected), `${where}: lacks "${expected}", which ${seer} may see`);
      }
    });
    expect(failures).toEqual([]);
    // The matrix is what it claims to be: every role and classification, and the sentinels did show where allowed.
    expect(new Set(cases.map((entry) => entry.role)).size).toBe(ROLES.length);
    expect(assertions).toBeGreaterThan(cases.length);
    console.info(`authorisation matrix (${backend.name}): ${new Set(cases.map((entry) => routeOf(entry.key))).size} GET endpoints, ${cases.length / ROLES.length / CLASSES.length} URLs, ${ROLES.length} roles, ${CLASSES.length} classifications, ${cases.length} cases, ${assertions} checks`);
  }, 300_000);

  it('streams a crisis change only to the roles that may see it (server-sent events)', async () => {
    const call = callers.base;
    const streams = await Promise.all(ROLES.map(async (role) => [role, await openLive(servers.base.server.url, role)] as const));
    try {
      const written: Array<{ c: Classification; eventId: string; requestId: string; offerId: string; consulted: string[] }> = [];
      for (const c of CLASSES) {
        const post = async (path: string, body: unknown) => {
          const response = await call(path, { method: 'POST', viewer: 'coordinator', body: JSON.stringify(body) });
          expect(response.status, response.text).toBeLessThan(300);
          return response.body;
        };
        const declared = await post('/api/crisis/events', { type: 'armed-attack', occurredAt: '2026-03-03T04:30:00Z', title: mark(c, 'live-event'), classification: c });
        const request = await post('/api/crisis/requests', { eventId: declared.event.id, title: mark(c, 'live-request'), capabilityArea: 'air-defence', classification: c, lines: [{ id: 'radars', item: 'radar', quantity: 1, neededBy: '2026-12-01' }] });
        await post(`/api/crisis/requests/${request.id}/transitions`, { action: 'submit' });
        await post(`/api/crisis/requests/${request.id}/transitions`, { action: 'consult' });
        const offer = await post(`/api/crisis/requests/${request.id}/offers`, { partner: 'GB', lineId: 'radars', item: 'radar', quantity: 1, earliestDelivery: '2026-11-01', classification: c, note: mark(c, 'live-offer') });
        written.push({ c, eventId: declared.event.id, requestId: request.id, offerId: offer.id, consulted: declared.consultations.map((consultation: { partner: string }) => consultation.partner) });
      }
      // The coordinator hears everything; once it has, the others have had their chance too.
      const coordinator = streams.find(([role]) => role === 'coordinator')?.[1];
      await expect.poll(() => written.every((w) => coordinator?.events.some((e) => e.data.id === w.offerId)), { timeout: 20_000 }).toBe(true);
      await new Promise((resolve) => setTimeout(resolve, 300));
      let checks = 0;
      for (const [role, stream] of streams) {
        const officerOf = role.startsWith('partner-officer:') ? role.split(':')[1] : undefined;
        for (const w of written) {
          // The stated policy: public to all, restricted to any signed-in role, confidential to the
          // coordinator and the owning partner's officers (for an event and its requests: the partners consulted).
          const crisisAllowed = w.c === 'public' || (w.c === 'restricted' ? role !== 'public' : role === 'coordinator' || (officerOf !== undefined && w.consulted.includes(officerOf)));
          const offerAllowed = w.c === 'public' || (w.c === 'restricted' ? role !== 'public' : role === 'coordinator' || officerOf === OWNER);
          const about = (id: string) => stream.events.filter((e) => JSON.stringify(e.data).includes(id));
          const where = `${role}, ${w.c}`;
          expect(about(w.eventId).some((e) => e.event === 'event.declared'), `${where}: event.declared`).toBe(crisisAllowed);
          expect(about(w.requestId).some((e) => e.event === 'request.changed'), `${where}: request.changed`).toBe(crisisAllowed);
          expect(about(w.offerId).some((e) => e.event === 'offer.received'), `${where}: offer.received`).toBe(offerAllowed);
          // Nothing at all about what the role may not see, and never a record's content.
          if (!crisisAllowed) expect(about(w.eventId).length + about(w.requestId).length, `${where}: hears of a hidden event`).toBe(0);
          if (!offerAllowed) expect(about(w.offerId).length, `${where}: hears of a hidden offer`).toBe(0);
          expect(JSON.stringify(stream.events)).not.toContain('SENTINEL-');
          checks += 6;
        }
      }
      expect(checks).toBe(ROLES.length * CLASSES.length * 6);
    } finally {
      for (const [, stream] of streams) stream.close();
    }
  }, 60_000);

  it('allows or refuses every registry write (POST, PUT, DELETE of each kind) × role × classification as canWrite says, and a refused write changes nothing', async () => {
    const { store } = servers.base;
    const call = callers.base;
    const taken = new Set(SHIPPED_PARTNERS);
    const codes = [...'QWZ'].flatMap((first) => [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'].map((second) => first + second)).filter((code) => !taken.has(code));
    let serial = 0;
    const fresh = (kind: EntityKind, c: Classification) => writeTemplate(kind, c, serial++, codes);
    interface WriteCase {
      kind: EntityKind;
      c: Classification;
      role: RoleHeader;
      op: 'POST' | 'PUT' | 'DELETE';
      record: Record<string, unknown>;
      id: string;
      owner: string | null;
    }
    const cases: WriteCase[] = [];
    for (const kind of REGISTRY_KINDS) {
      for (const c of CLASSES) {
        for (const role of ROLES) {
          for (const op of ['POST', 'PUT', 'DELETE'] as const) {
            const { record, id, owner } = fresh(kind, c);
            if (op !== 'POST') await store.create(kind, record, SYSTEM_VIEWER);
            cases.push({ kind, c, role, op, record, id, owner });
          }
        }
      }
    }
    const failures: string[] = [];
    await pool(cases, 4, async ({ kind, c, role, op, record, id, owner }) => {
      const viewer = viewerOf(role);
      const guarded = { classification: c, ownerPartner: owner };
      const refusal = role === 'public' ? 401 : 403;
      const expected = op === 'POST' ? (canWrite(viewer, guarded) ? 201 : refusal) : !canSee(viewer, guarded) ? 404 : !canWrite(viewer, guarded) ? refusal : op === 'PUT' ? 200 : 204;
      const path = op === 'POST' ? `/api/${kind}` : `/api/${kind}/${encodeURIComponent(id)}${op === 'DELETE' ? '?version=1' : ''}`;
      const body = op === 'DELETE' ? undefined : JSON.stringify(op === 'PUT' ? { ...record, authzNote: `changed by ${role}`, version: 1 } : record);
      const answer = await as(call, role, path, { method: op, ...(body ? { body } : {}) });
      const where = `${op} ${kind} (${c}) as ${role}`;
      if (answer.status !== expected) failures.push(`${where}: ${answer.status}, expected ${expected}: ${answer.text.slice(0, 200)}`);
      const stored = await store.get(kind, id, SYSTEM_VIEWER).catch(() => undefined);
      const allowed = expected < 300;
      const state = op === 'POST' ? stored !== undefined : op === 'DELETE' ? stored === undefined : stored?.version === 2 && (stored as Record<string, unknown>).authzNote !== undefined;
      if (state !== allowed) failures.push(`${where}: the store ${allowed ? 'lacks the change' : 'was changed by a refused write'}`);
      if (!allowed && op === 'PUT' && stored?.version !== 1) failures.push(`${where}: version moved to ${stored?.version}`);
      // A refusal names no hidden record.
      if (!allowed && !canSee(viewer, guarded) && answer.text.includes('SENTINEL-')) failures.push(`${where}: the refusal shows the record`);
    });
    expect(failures).toEqual([]);
    expect(cases).toHaveLength(REGISTRY_KINDS.length * CLASSES.length * ROLES.length * 3);
    // Some of each: the rule is exercised both ways.
    const outcomes = new Set(cases.map(({ role, c, kind }) => canWrite(viewerOf(role), { classification: c, ownerPartner: writeTemplate(kind, c, 0, codes).owner })));
    expect([...outcomes].sort()).toEqual([false, true]);
  }, 120_000);

  it('answers a write that touches a hidden record as if it were not there (no existence oracle)', async () => {
    const failures: string[] = [];
    let compared = 0;
    for (const c of CLASSES) {
      const hidden = registryRecords(c);
      const probes = (role: RoleHeader): Array<{ method: string; path: string; body?: unknown }> => {
        const partner = role.startsWith('partner-officer:') ? (role.split(':')[1] as string) : 'FR';
        const flow = (classification: Classification) => ({ id: `authz-probe-flow-${classification}`, commitmentId: hidden.commitment.id, stage: 'delivered', on: '2025-04-01', money: { amount: '10', currency: 'EUR' }, classification });
        return [
          // Records that refer to a hidden one: as if it did not exist.
          ...CLASSES.map((classification) => ({ method: 'POST', path: '/api/flows', body: flow(classification) })),
          { method: 'POST', path: '/api/clauses', body: { agreementId: hidden.agreement.id, ref: 'P.1', text: 'probe', classification: 'confidential' } },
          { method: 'POST', path: '/api/commitments', body: { ...hidden.commitment, id: 'authz-probe-commitment', provider: partner, agreementId: hidden.agreement.id, coalitionId: null, description: 'probe' } },
          { method: 'POST', path: '/api/packages', body: { format: 'compact/1', flows: [flow('confidential')] } },
          // The hidden record itself: not found, whatever the role.
          { method: 'PUT', path: `/api/commitments/${hidden.commitment.id}`, body: { ...hidden.commitment, description: 'probe', version: 1 } },
          { method: 'DELETE', path: `/api/commitments/${hidden.commitment.id}?version=1` },
          { method: 'DELETE', path: `/api/flows/${hidden.flow.id}?version=1` },
          { method: 'PUT', path: `/api/clauses/${hidden.clause.id}`, body: { ...hidden.clause, text: 'probe', version: 1 } },
          { method: 'POST', path: `/api/commitments/${hidden.commitment.id}/implementation`, body: { score: 3, note: 'probe' } },
          // A new record under a hidden one's id, by a role that may not create that record anyway.
          { method: 'POST', path: '/api/commitments', body: { ...hidden.commitment, description: 'probe' } },
          { method: 'POST', path: '/api/agreements', body: { ...hidden.agreement, title: 'probe' } },
        ];
      };
      for (const role of ROLES) {
        if (sees(role, c)) continue;
        for (const probe of probes(role)) {
          const init = { method: probe.method, ...(probe.body === undefined ? {} : { body: JSON.stringify(probe.body) }) };
          const [base, variant] = [await as(callers.base, role, probe.path, init), await as(callers[c], role, probe.path, init)];
          compared++;
          const where = `${probe.method} ${probe.path} ${JSON.stringify(probe.body ?? '').slice(0, 80)} as ${role} with ${c} secrets`;
          if (variant.text.includes('SENTINEL-')) failures.push(`${where}: shows a sentinel: ${variant.text.slice(0, 200)}`);
          if (variant.status < 300) failures.push(`${where}: changed a server with a hidden record: ${variant.status}`);
          if (base.status < 300) {
            // A role that may create the record, under an id a hidden record holds: the one thing it learns is that the id is taken.
            if (variant.status !== 409) failures.push(`${where}: ${variant.status} where the id is taken`);
            for (const kind of REGISTRY_KINDS) for (const record of await servers.base.store.list(kind, SYSTEM_VIEWER)) {
              const id = recordId(kind, record);
              if (id.startsWith('authz-')) await servers.base.store.remove(kind, id, SYSTEM_VIEWER, record.version);
            }
            continue;
          }
          if (`${base.status} ${base.text}` !== `${variant.status} ${variant.text}`) failures.push(`${where}:\n  base    ${base.status} ${base.text.slice(0, 250)}\n  secrets ${variant.status} ${variant.text.slice(0, 250)}`);
        }
      }
    }
    expect(failures).toEqual([]);
    expect(compared).toBeGreaterThan(60);
  }, 120_000);

  it('allows or refuses every other write endpoint × role × classification by its rule, and a refused write changes nothing', async () => {
    const call = callers.base;
    const { store } = servers.base;
    const coordinator = async (path: string, body?: unknown) => {
      const answer = await call(path, body === undefined ? { viewer: 'coordinator' } : { method: 'POST', viewer: 'coordinator', body: JSON.stringify(body) });
      expect(answer.status, `${path}: ${answer.text}`).toBeLessThan(300);
      return answer.body;
    };
    const count = async (path: string) => JSON.stringify((await coordinator(path)).items);
    const refusal = (role: RoleHeader) => (role === 'public' ? 401 : 403);
    interface Case {
      route: string;
      role: RoleHeader;
      c: Classification;
      expected: number;
      send: () => Promise<{ status: number; text: string }>;
      state: () => Promise<string>;
    }
    const cases: Case[] = [];
    type Make = (role: RoleHeader, c: Classification) => Omit<Case, 'route' | 'role' | 'c'> | Promise<Omit<Case, 'route' | 'role' | 'c'>>;
    const routes: Array<{ route: string; make: Make }> = [];
    const add = (route: string, make: Make) => routes.push({ route, make });
    let serial = 0;
    const json = (body: unknown) => ({ method: 'POST', body: JSON.stringify(body) });
    const crisisSeen = (role: RoleHeader, c: Classification, consulted: readonly string[]) => c === 'public' || (c === 'restricted' ? role !== 'public' : role === 'coordinator' || consulted.includes(role.split(':')[1] ?? '-'));
    const declare = async (c: Classification) => (await coordinator('/api/crisis/events', { type: 'armed-attack', occurredAt: '2026-03-04T04:30:00Z', title: `write test ${serial++}`, classification: c })) as { event: { id: string }; consultations: Array<{ partner: string }> };
    const draft = async (eventId: string, c: Classification) => (await coordinator('/api/crisis/requests', { eventId, title: 'write test', capabilityArea: 'air-defence', classification: c, lines: [{ id: 'radars', item: 'radar', quantity: 1, neededBy: '2026-12-01' }] })) as { id: string };
    const uploadText = async (agreementId: string, role: RoleHeader | 'coordinator') => {
      const form = new FormData();
      // Numbered apart, so that each accepted proposal makes a commitment of its own.
      form.set('file', new Blob([`I. Support\n${++serial}. The United Kingdom will provide at least £${serial} million in 2026 for air defence.`]), `write-test-${serial}.txt`);
      return as(call, role, `/api/agreements/${agreementId}/text`, { method: 'POST', body: form });
    };

    const targets = {} as Record<Classification, { agreement: string; commitment: string; coalition: string; event: string; consulted: string[]; request: string }>;
    for (const c of CLASSES) {
      const agreement = { ...writeTemplate('agreements', c, 900, []).record, id: `authz-o-${c}-agreement` };
      const commitment = { ...writeTemplate('commitments', c, 900, []).record, id: `authz-o-${c}-commitment` };
      const coalition = { ...writeTemplate('coalitions', c, 900, []).record, id: `authz-o-${c}-coalition` };
      await store.create('agreements', agreement, SYSTEM_VIEWER);
      await store.create('commitments', commitment, SYSTEM_VIEWER);
      await store.create('coalitions', coalition, SYSTEM_VIEWER);
      const declared = await declare(c);
      const request = await draft(declared.event.id, c);
      await coordinator(`/api/crisis/requests/${request.id}/transitions`, { action: 'submit' });
      await coordinator(`/api/crisis/requests/${request.id}/transitions`, { action: 'consult' });
      targets[c] = { agreement: agreement.id, commitment: commitment.id, coalition: coalition.id, event: declared.event.id, consulted: declared.consultations.map((entry) => entry.partner), request: request.id };
    }
    const registryRule = (role: RoleHeader, c: Classification, created: number, owner: string | null = OWNER) =>
      !canSee(viewerOf(role), { classification: c, ownerPartner: owner }) ? 404 : canWrite(viewerOf(role), { classification: c, ownerPartner: owner }) ? created : refusal(role);

    add('POST /api/packages', (role, c) => {
      const record = writeTemplate('commitments', c, serial++, []).record;
      return {
        expected: canWrite(viewerOf(role), { classification: c, ownerPartner: OWNER }) ? 200 : refusal(role),
        send: () => as(call, role, '/api/packages', json({ format: 'compact/1', commitments: [record] })),
        state: async () => String(await store.get('commitments', String(record.id), SYSTEM_VIEWER).then(() => 'there', () => 'absent')),
      };
    });
    add('POST /api/agreements/{id}/text', (role, c) => ({
      expected: registryRule(role, c, 201),
      send: () => uploadText(targets[c].agreement, role),
      state: () => count(`/api/agreements/${targets[c].agreement}/documents`),
    }));
    for (const decision of ['accept', 'reject'] as const) {
      add(`POST /api/proposals/{id}/${decision}`, async (role, c) => {
        const uploaded = await uploadText(targets[c].agreement, 'coordinator');
        const proposal = (JSON.parse(uploaded.text) as { proposals: Array<{ id: string; version: number; kind: string }> }).proposals.find((entry) => entry.kind === 'commitment');
        if (!proposal) throw new Error(`no commitment proposal from ${uploaded.text}`);
        return {
          expected: registryRule(role, c, 200),
          send: () => as(call, role, `/api/proposals/${proposal.id}/${decision}`, json({ version: proposal.version })),
          state: async () => JSON.stringify(((await coordinator(`/api/proposals?agreementId=${targets[c].agreement}`)).items as Array<{ id: string; status: string }>).find((entry) => entry.id === proposal.id)?.status),
        };
      });
    }
    add('POST /api/commitments/{id}/implementation', (role, c) => ({
      expected: registryRule(role, c, 201),
      send: () => as(call, role, `/api/commitments/${targets[c].commitment}/implementation`, json({ score: 2, note: `by ${role}` })),
      state: async () => String((await store.get('commitments', targets[c].commitment, SYSTEM_VIEWER)).version),
    }));
    add('PUT /api/coalitions/{id}/fair-share-key', (role, c) => {
      const viewer = viewerOf(role);
      const guarded = { classification: c, ownerPartner: null };
      // Its leads may set the key (GB leads the test coalitions), coordinators and administrators too.
      const expected = !canSee(viewer, guarded) ? 404 : role === `partner-officer:${OWNER}` || canWrite(viewer, guarded) ? 200 : refusal(role);
      return {
        expected,
        send: async () => {
          const { version } = await store.get('coalitions', targets[c].coalition, SYSTEM_VIEWER);
          return as(call, role, `/api/coalitions/${targets[c].coalition}/fair-share-key`, { method: 'PUT', body: JSON.stringify({ kind: 'gdp', year: 2020 + (serial++ % 5), version }) });
        },
        state: async () => String((await store.get('coalitions', targets[c].coalition, SYSTEM_VIEWER)).version),
      };
    });
    add('POST /api/stress-tests', (role) => ({
      expected: role === 'public' ? 401 : 202,
      send: () => as(call, role, '/api/stress-tests', json({ asOf: '2025-11-30', trials: 20, seed: 1 })),
      state: async () => String(((await coordinator('/api/stress-tests')).items as unknown[]).length),
    }));
    add('POST /api/crisis/events', (role, c) => ({
      expected: role === 'coordinator' ? 201 : refusal(role),
      send: () => as(call, role, '/api/crisis/events', json({ type: 'armed-attack', occurredAt: '2026-03-04T04:30:00Z', title: `by ${role}`, classification: c })),
      state: () => count('/api/crisis/events'),
    }));
    add('POST /api/crisis/requests', (role, c) => ({
      expected: role === 'coordinator' ? 201 : refusal(role),
      send: () => as(call, role, '/api/crisis/requests', json({ eventId: targets[c].event, title: `by ${role}`, capabilityArea: 'air-defence', classification: c, lines: [{ item: 'radar', quantity: 1, neededBy: '2026-12-01' }] })),
      state: () => count(`/api/crisis/requests?eventId=${targets[c].event}`),
    }));
    add('POST /api/crisis/requests/{id}/transitions', async (role, c) => {
      const request = await draft(targets[c].event, c);
      return {
        expected: role === 'coordinator' ? 200 : refusal(role),
        send: () => as(call, role, `/api/crisis/requests/${request.id}/transitions`, json({ action: 'submit' })),
        state: async () => String((await coordinator(`/api/crisis/requests/${request.id}`)).state),
      };
    });
    add('POST /api/crisis/requests/{id}/offers', (role, c) => ({
      // For GB: its officers (if they may read the request) and the coordinator.
      expected: role === 'coordinator' ? 201 : role !== `partner-officer:${OWNER}` ? refusal(role) : crisisSeen(role, c, targets[c].consulted) ? 201 : 404,
      send: () => as(call, role, `/api/crisis/requests/${targets[c].request}/offers`, json({ partner: OWNER, lineId: 'radars', item: 'radar', quantity: 1, earliestDelivery: '2026-11-01', classification: c })),
      state: () => count(`/api/crisis/requests/${targets[c].request}/offers`),
    }));
    add('POST /api/crisis/consultations/{id}/held', async (role, c) => {
      const declared = await declare(c);
      const id = `${declared.event.id}:${OWNER}`;
      // A consultation is public with a public event, else confidential to its partner.
      const visible = c === 'public' || role === 'coordinator' || role === `partner-officer:${OWNER}`;
      return {
        expected: !visible ? 404 : role === 'coordinator' || role === `partner-officer:${OWNER}` ? 200 : refusal(role),
        send: () => as(call, role, `/api/crisis/consultations/${id}/held`, { method: 'POST' }),
        state: () => count(`/api/crisis/consultations?eventId=${declared.event.id}`),
      };
    });
    add('POST /api/crisis/requests/{id}/allocations', (role, c) => ({
      expected: role === 'coordinator' ? 201 : refusal(role),
      send: () => as(call, role, `/api/crisis/requests/${targets[c].request}/allocations`, json({})),
      state: () => count(`/api/crisis/requests/${targets[c].request}/allocations`),
    }));
    add('POST /api/crisis/requests/{id}/allocations/{id}/decision', async (role, c) => {
      const allocations = (await coordinator(`/api/crisis/requests/${targets[c].request}/allocations`)).items as Array<{ id: string }>;
      const allocation = allocations[0]?.id ?? (await coordinator(`/api/crisis/requests/${targets[c].request}/allocations`, {})).id;
      return {
        expected: role === 'coordinator' ? 200 : refusal(role),
        send: () => as(call, role, `/api/crisis/requests/${targets[c].request}/allocations/${allocation}/decision`, { method: 'POST' }),
        state: async () => String((await coordinator(`/api/crisis/requests/${targets[c].request}`)).state),
      };
    });

    // Every write route of the table is here, and nothing else.
    const writes = [...NORMALISED_EXPECTATIONS].filter(([, expectation]) => expectation.kind === 'write' && expectation.suite === 'other').map(([key]) => key);
    expect(routes.map((entry) => entry.route).sort()).toEqual(writes.sort());

    const failures: string[] = [];
    // The coordinator last: its writes move requests along (a decided allocation ends the offers).
    const order = [...ROLES].sort((a, b) => Number(a === 'coordinator') - Number(b === 'coordinator'));
    for (const { route, make } of routes) {
      for (const c of CLASSES) {
        for (const role of order) {
          const made = await make(role, c);
          cases.push({ route, role, c, ...made });
          const before = await made.state();
          const answer = await made.send();
          const after = await made.state();
          const where = `${route} (${c}) as ${role}`;
          if (answer.status !== made.expected) failures.push(`${where}: ${answer.status}, expected ${made.expected}: ${answer.text.slice(0, 200)}`);
          if ((before !== after) !== made.expected < 300) failures.push(`${where}: ${made.expected < 300 ? 'no change from an allowed write' : `a refused write changed ${before} to ${after}`}`);
        }
      }
    }
    // Some of each: every rule is exercised both ways.
    for (const { route } of routes) {
      const outcomes = new Set(cases.filter((entry) => entry.route === route).map((entry) => entry.expected < 300));
      expect([...outcomes].sort(), route).toEqual([false, true]);
    }
    expect(failures).toEqual([]);
  }, 180_000);
  it('lets administrators alone manage accounts and tokens, and anyone with the password sign in (every account route × role)', async () => {
    const call = callers.base;
    const accounts = new Accounts(servers.base.store);
    const password = 'the matrix test password';
    const target = await accounts.create({ username: 'matrix-target', password, role: 'analyst' }, SYSTEM_VIEWER);
    const json = (method: string, body: unknown): RequestInit => ({ method, body: JSON.stringify(body) });
    const failures: string[] = [];
    const routes = new Set<string>();
    const outcome = (route: string, where: string, status: number, expected: number, changed: boolean) => {
      routes.add(route);
      if (status !== expected) failures.push(`${route} as ${where}: ${status}, expected ${expected}`);
      if (changed !== expected < 300) failures.push(`${route} as ${where}: ${expected < 300 ? 'no change from an allowed write' : 'a refused write changed something'}`);
    };
    // The administrator last: its changes are the ones that go through.
    for (const role of ROLES) {
      const allowed = role === 'administrator';
      const refused = role === 'public' ? 401 : 403;
      const slug = role.replace(/[^a-z]/g, '-');
      const users = async () => (await accounts.list(SYSTEM_VIEWER)).length;
      let before: unknown = await users();
      let answer = await as(call, role, '/api/users', json('POST', { username: `by-${slug}`, password, role: 'analyst' }));
      outcome('POST /api/users', role, answer.status, allowed ? 201 : refused, (await users()) !== before);

      const roleOf = async () => (await accounts.findByUsername('matrix-target'))?.role;
      before = await roleOf();
      answer = await as(call, role, `/api/users/${target.id}`, json('PATCH', { role: before === 'analyst' ? 'coordinator' : 'analyst' }));
      outcome('PATCH /api/users/{id}', role, answer.status, allowed ? 200 : refused, (await roleOf()) !== before);

      const tokens = async () => (await accounts.listTokens(SYSTEM_VIEWER)).length;
      before = await tokens();
      answer = await as(call, role, '/api/tokens', json('POST', { name: `by ${role}`, userId: target.id }));
      outcome('POST /api/tokens', role, answer.status, allowed ? 201 : refused, (await tokens()) !== before);

      // Someone else's token is "not found" to anyone but an administrator: its id tells nothing.
      const { info } = await accounts.createToken(target.id, { name: `to revoke, ${role}` }, SYSTEM_VIEWER);
      answer = await as(call, role, `/api/tokens/${info.id}`, { method: 'DELETE' });
      const revoked = (await accounts.listTokens(SYSTEM_VIEWER)).find((token) => token.id === info.id)?.revokedAt !== null;
      outcome('DELETE /api/tokens/{id}', role, answer.status, allowed ? 200 : 404, revoked);

      // A password is changed only in a session of its own; a role named by a header has none.
      answer = await as(call, role, '/api/auth/password', json('POST', { currentPassword: password, newPassword: 'never set by a header' }));
      outcome('POST /api/auth/password', role, answer.status, 401, false);
    }
    // Sign-in, the session's own password change and sign-out, with the account's cookie.
    const signIn = async (secret: string) => call('/api/auth/login', json('POST', { username: 'matrix-target', password: secret }));
    outcome('POST /api/auth/login', 'a wrong password', (await signIn('not the password')).status, 401, false);
    const session = await signIn(password);
    outcome('POST /api/auth/login', 'the right password', session.status, 200, session.headers.get('set-cookie') !== null);
    const cookie = (session.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const headers = { cookie, 'x-csrf-token': String(session.body.csrfToken) };
    let answer = await call('/api/auth/password', { ...json('POST', { currentPassword: password, newPassword: 'the matrix new password' }), headers });
    outcome('POST /api/auth/password', 'its own session', answer.status, 204, true);
    answer = await call('/api/auth/logout', { method: 'POST', headers });
    const after = await call('/api/auth/session', { headers: { cookie } });
    outcome('POST /api/auth/logout', 'its own session', answer.status, 204, after.body.signedIn === false);

    const suite = [...NORMALISED_EXPECTATIONS].filter(([, expectation]) => expectation.kind === 'write' && expectation.suite === 'accounts').map(([key]) => key);
    expect([...routes].sort()).toEqual(suite.sort());
    expect(failures).toEqual([]);
  }, 120_000);
});
