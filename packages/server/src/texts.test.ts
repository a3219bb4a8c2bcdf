import { makePdf } from '@compact/ingest/testing';
import { testBackends } from '@compact/store/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from './serve.js';
import { openShippedServer } from './test-server.js';
import { VIEWER_HEADER } from './viewer.js';

// A fictional test text in the Roman-section style, not a real agreement's wording.
const TEXT = [
  'Illustrative test text',
  '',
  'I. Consultations',
  '1. In the event of a future armed attack, the Participants will consult within 24 hours.',
  '',
  'II. Support',
  '2. The United Kingdom will provide at least £2.5 billion in 2026 for air defence.',
  '3. This Agreement will remain in effect for ten years.',
].join('\n');

describe.each(testBackends)('agreement texts over HTTP on $name', (backend) => {
  let server: RunningServer;
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ server, close } = await openShippedServer(backend));
  });
  afterAll(() => close());

  const upload = async (name: string, content: Uint8Array | string, viewer = 'coordinator') => {
    const form = new FormData();
    form.set('file', new Blob([typeof content === 'string' ? content : Buffer.from(content)]), name);
    const response = await fetch(`${server.url}/api/agreements/gb-ua-2024/text`, { method: 'POST', body: form, headers: { [VIEWER_HEADER]: viewer } });
    return { status: response.status, body: (await response.json()) as Record<string, any> };
  };
  const post = async (path: string, body: unknown) => {
    const response = await fetch(`${server.url}${path}`, { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json', [VIEWER_HEADER]: 'coordinator' } });
    return { status: response.status, body: (await response.json()) as Record<string, any> };
  };
  const get = async (path: string) => (await (await fetch(`${server.url}${path}`, { headers: { [VIEWER_HEADER]: 'coordinator' } })).json()) as Record<string, any>;

  it('imports a text into clauses with topics and proposals, then accepts and rejects them', async () => {
    const result = await upload('gb-test.txt', TEXT);
    expect(result.status).toBe(201);
    expect(result.body.clauses.map((clause: any) => clause.ref)).toEqual(['I.1', 'II.2', 'II.3']);
    expect(result.body.clauses[0].topics).toContain('consultation');
    expect(result.body.document).toMatchObject({ agreementId: 'gb-ua-2024', format: 'txt', filename: 'gb-test.txt' });

    const stored = await get('/api/clauses?agreementId=gb-ua-2024');
    expect(stored.items.map((clause: any) => clause.ref)).toEqual(['I.1', 'II.2', 'II.3']);

    const pending = (await get('/api/proposals?agreementId=gb-ua-2024&status=pending')).items;
    const money = pending.find((proposal: any) => proposal.kind === 'commitment');
    expect(money.draft).toMatchObject({ clauseRef: 'II.2', money: { amount: '2500000000', currency: 'GBP', qualifier: 'at-least' }, capabilityArea: 'air-defence', provider: 'GB' });
    expect(money.evidence.some((evidence: any) => evidence.text.includes('£2.5 billion'))).toBe(true);

    const accepted = await post(`/api/proposals/${encodeURIComponent(money.id)}/accept`, { version: money.version });
    expect(accepted.status).toBe(200);
    expect(accepted.body.commitment).toMatchObject({ agreementId: 'gb-ua-2024', clauseRef: 'II.2' });
    const again = await post(`/api/proposals/${encodeURIComponent(money.id)}/accept`, { version: money.version });
    expect(again.status).toBe(409);

    const terms = pending.find((proposal: any) => proposal.kind === 'terms');
    expect(terms.draft).toMatchObject({ durationYears: 10, consultation: { withinHours: 24 } });
    const rejected = await post(`/api/proposals/${encodeURIComponent(terms.id)}/reject`, { version: terms.version, note: 'already recorded' });
    expect(rejected.body.proposal).toMatchObject({ status: 'rejected', note: 'already recorded' });
    expect((await get('/api/proposals?agreementId=gb-ua-2024&status=pending')).items).toHaveLength(pending.length - 2);

    const compared = await get('/api/compare?a=gb-ua-2024&b=gb-ua-2024');
    expect(compared.pairs).toHaveLength(3);
    const matrix = await get('/api/text/categories');
    expect(matrix.rows.find((row: any) => row.id === 'gb-ua-2024')).toBeDefined();
  });

  it('reads a PDF, refuses duplicates and bad files, and lets no public viewer import', async () => {
    const pdf = makePdf([['I. General', '1. The Participants will consult within 24 hours.'], ['2. Denmark will provide EUR 100 million in 2026.']]);
    const imported = await upload('test.pdf', pdf);
    expect(imported.status).toBe(201);
    expect(imported.body.document.pages).toBe(2);
    expect((await upload('test-again.pdf', pdf)).status).toBe(409);
    const fake = await upload('fake.pdf', 'not a pdf at all');
    expect(fake.status).toBe(400);
    expect(fake.body.error).toMatchObject({ code: 'VALIDATION', path: 'file' });
    expect(fake.body.error.message).toMatch(/not a PDF/);
    expect((await upload('x.txt', 'I. A\n1. Text.', 'public')).status).toBe(401);
    expect((await get('/api/agreements/gb-ua-2024/documents')).items).toHaveLength(2);
  });
});
