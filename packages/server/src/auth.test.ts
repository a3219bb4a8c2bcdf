// Sign-in over real HTTP: the session cookie's flags, CSRF on every change made with a session,
// scoped tokens, what each account sees, the rate limit, and the local user's mode ending once
// accounts exist.
import { SYSTEM_VIEWER } from '@compact/core';
import { Accounts, DEFAULT_ACCOUNT_POLICY } from '@compact/store';
import { testBackends } from '@compact/store/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONFIDENTIAL_TEST_PLEDGE, openShippedServer, type ShippedServer } from './test-server.js';

const PASSWORD = 'correct horse battery staple';

describe.each(testBackends)('authentication over HTTP on $name', (backend) => {
  let shipped: ShippedServer;
  let accounts: Accounts;
  const url = (path: string) => `${shipped.server.url}${path}`;

  beforeAll(async () => {
    // The server trusts no viewer header: only cookies and tokens say who is asking.
    shipped = await openShippedServer(backend, { withConfidentialPledge: true, viewerPolicy: { anonymousRole: 'public', trustViewerHeader: false } });
    accounts = new Accounts(shipped.store);
    await accounts.create({ username: 'admin', password: PASSWORD, role: 'administrator' }, SYSTEM_VIEWER);
    await accounts.create({ username: 'gb-officer', password: PASSWORD, role: 'partner-officer', partner: 'GB' }, SYSTEM_VIEWER);
    await accounts.create({ username: 'fr-officer', password: PASSWORD, role: 'partner-officer', partner: 'FR' }, SYSTEM_VIEWER);
    await accounts.create({ username: 'coordinator', password: PASSWORD, role: 'coordinator' }, SYSTEM_VIEWER);
  });
  afterAll(() => shipped.close());

  async function signIn(username: string, password = PASSWORD) {
    const response = await fetch(url('/api/auth/login'), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
    const body = (await response.json()) as { csrfToken: string };
    const setCookie = response.headers.get('set-cookie') ?? '';
    return { response, setCookie, cookie: setCookie.split(';')[0] ?? '', csrfToken: body.csrfToken };
  }

  const json = (headers: Record<string, string> = {}) => ({ 'content-type': 'application/json', ...headers });

  it('sets an httpOnly, SameSite=Strict session cookie (not Secure on plain HTTP) and says who is signed in', async () => {
    const { response, setCookie, cookie, csrfToken } = await signIn('GB-Officer');
    expect(response.status).toBe(200);
    expect(setCookie).toMatch(/^compact_session=[A-Za-z0-9_-]{43}; /);
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('SameSite=Strict');
    expect(setCookie).not.toContain('Secure');
    const session = await (await fetch(url('/api/auth/session'), { headers: { cookie } })).json();
    expect(session).toMatchObject({ signedIn: true, via: 'session', viewer: { role: 'partner-officer', partner: 'GB' }, account: { username: 'gb-officer' }, csrfToken });
    const anonymous = await (await fetch(url('/api/auth/session'))).json();
    expect(anonymous).toMatchObject({ signedIn: false, viewer: { role: 'public' }, csrfToken: null });
  });

  it('shows a confidential pledge to its partner officer and coordinator sessions only', async () => {
    const path = `/api/commitments/${CONFIDENTIAL_TEST_PLEDGE.id}`;
    const statusFor = async (username?: string) => (await fetch(url(path), { headers: username ? { cookie: (await signIn(username)).cookie } : {} })).status;
    expect(await statusFor('gb-officer')).toBe(200);
    expect(await statusFor('coordinator')).toBe(200);
    expect(await statusFor('fr-officer')).toBe(404);
    expect(await statusFor('admin')).toBe(404);
    expect(await statusFor()).toBe(404);
  });

  it('refuses a change made with a session unless it carries the CSRF token and comes from this origin', async () => {
    const { cookie, csrfToken } = await signIn('coordinator');
    const current = (await (await fetch(url('/api/commitments/gb-ua-2024-1'), { headers: { cookie } })).json()) as Record<string, unknown>;
    const put = (headers: Record<string, string>, description: string) =>
      fetch(url('/api/commitments/gb-ua-2024-1'), { method: 'PUT', headers: json({ cookie, ...headers }), body: JSON.stringify({ ...current, description }) });

    const missing = await put({}, 'no token');
    expect(missing.status).toBe(403);
    expect(((await missing.json()) as { error: { message: string } }).error.message).toContain('x-csrf-token');
    expect((await put({ 'x-csrf-token': 'forged' }, 'forged token')).status).toBe(403);
    expect((await put({ 'x-csrf-token': csrfToken, origin: 'https://evil.example' }, 'another site')).status).toBe(403);
    const after = (await (await fetch(url('/api/commitments/gb-ua-2024-1'), { headers: { cookie } })).json()) as Record<string, unknown>;
    expect(after.version).toBe(current.version); // nothing was written

    const allowed = await put({ 'x-csrf-token': csrfToken, origin: shipped.server.url }, 'edited by a signed-in coordinator');
    expect(allowed.status).toBe(200);
    const [entry] = await shipped.store.auditEntries(1);
    expect(entry).toMatchObject({ actor: 'user:coordinator', role: 'coordinator', entity: 'commitments' });
  });

  it('lets a read token read as its account and refuses its writes; a read-write token writes; a revoked one is refused', async () => {
    const gb = await accounts.findByUsername('gb-officer');
    const { token: readToken } = await accounts.createToken(gb!.id, { name: 'dashboard', scope: 'read' }, SYSTEM_VIEWER);
    const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
    expect((await fetch(url(`/api/commitments/${CONFIDENTIAL_TEST_PLEDGE.id}`), { headers: bearer(readToken) })).status).toBe(200);
    const pledge = (await (await fetch(url(`/api/commitments/${CONFIDENTIAL_TEST_PLEDGE.id}`), { headers: bearer(readToken) })).json()) as Record<string, unknown>;
    const write = (token: string, description: string) =>
      fetch(url(`/api/commitments/${CONFIDENTIAL_TEST_PLEDGE.id}`), { method: 'PUT', headers: json(bearer(token)), body: JSON.stringify({ ...pledge, description }) });
    const refused = await write(readToken, 'by a read token');
    expect(refused.status).toBe(403);
    expect(await refused.text()).toContain('read-only');

    const created = await fetch(url('/api/tokens'), { method: 'POST', headers: json(bearer(readToken)), body: JSON.stringify({ name: 'minted by a token' }) });
    expect(created.status).toBe(403); // a token never mints tokens

    const { token: writeToken, info } = await accounts.createToken(gb!.id, { name: 'sync', scope: 'read-write' }, SYSTEM_VIEWER);
    const written = await fetch(url(`/api/commitments/${CONFIDENTIAL_TEST_PLEDGE.id}`), {
      method: 'PUT',
      headers: json(bearer(writeToken)),
      body: JSON.stringify({ ...pledge, description: 'updated by the GB sync token' }),
    });
    expect(written.status).toBe(200);
    await accounts.revokeToken(info.id, SYSTEM_VIEWER);
    const revoked = await fetch(url('/api/partners'), { headers: bearer(writeToken) });
    expect(revoked.status).toBe(401);
    expect((await fetch(url('/api/partners'), { headers: { authorization: 'Basic abc' } })).status).toBe(401);
  });

  it('lets administrators manage accounts through the API, and nobody else', async () => {
    const admin = await signIn('admin');
    const coordinator = await signIn('coordinator');
    const create = (who: { cookie: string; csrfToken: string }, body: unknown) =>
      fetch(url('/api/users'), { method: 'POST', headers: json({ cookie: who.cookie, 'x-csrf-token': who.csrfToken }), body: JSON.stringify(body) });
    const analyst = { username: 'new-analyst', password: PASSWORD, role: 'analyst' };
    expect((await create(coordinator, analyst)).status).toBe(403);
    const bad = await create(admin, { ...analyst, password: 'short' });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { path: string } }).error.path).toBe('$.password');
    const made = await create(admin, analyst);
    expect(made.status).toBe(201);
    const body = (await made.json()) as Record<string, unknown>;
    expect(body).not.toHaveProperty('passwordHash');
    const list = await (await fetch(url('/api/users'), { headers: { cookie: admin.cookie } })).text();
    expect(list).toContain('new-analyst');
    expect(list).not.toContain('argon2');

    const analystSession = await signIn('new-analyst');
    const disabled = await fetch(url(`/api/users/${String(body.id)}`), { method: 'PATCH', headers: json({ cookie: admin.cookie, 'x-csrf-token': admin.csrfToken }), body: JSON.stringify({ disabled: true }) });
    expect(disabled.status).toBe(200);
    const after = await (await fetch(url('/api/auth/session'), { headers: { cookie: analystSession.cookie } })).json();
    expect(after).toMatchObject({ signedIn: false });
  });

  it('signs out: the cookie is cleared and the session ends on the server', async () => {
    const { cookie, csrfToken } = await signIn('fr-officer');
    const out = await fetch(url('/api/auth/logout'), { method: 'POST', headers: { cookie, 'x-csrf-token': csrfToken } });
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toMatch(/compact_session=;.*Max-Age=0/);
    expect(await (await fetch(url('/api/auth/session'), { headers: { cookie } })).json()).toMatchObject({ signedIn: false });
  });
});

describe('sign-in limits and the local user', () => {
  const backend = testBackends[0]!;

  it('answers 429 with Retry-After once an account has failed five times', async () => {
    const shipped = await openShippedServer(backend, { viewerPolicy: { anonymousRole: 'public', trustViewerHeader: false } });
    try {
      await new Accounts(shipped.store).create({ username: 'target', password: PASSWORD, role: 'analyst' }, SYSTEM_VIEWER);
      const attempt = (password: string) =>
        fetch(`${shipped.server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'target', password }) });
      const statuses = [];
      for (let i = 0; i < DEFAULT_ACCOUNT_POLICY.failuresPerAccount; i++) statuses.push((await attempt(`wrong password ${i}`)).status);
      expect(statuses).toEqual([401, 401, 401, 401, 401]);
      const locked = await attempt(PASSWORD);
      expect(locked.status).toBe(429);
      expect(locked.headers.get('retry-after')).toBe('900');
    } finally {
      await shipped.close();
    }
  });

  it('refuses a body over the limit with 413, before reading it into a handler', async () => {
    const shipped = await openShippedServer(backend, { maxBodyBytes: 1000 });
    try {
      const post = (size: number) =>
        fetch(`${shipped.server.url}/api/partners`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-compact-viewer': 'coordinator' }, body: JSON.stringify({ code: 'QQ', name: 'x'.repeat(size), classification: 'public', sources: [] }) });
      const large = await post(2000);
      expect(large.status).toBe(413);
      expect(await large.json()).toMatchObject({ error: { code: 'PAYLOAD_TOO_LARGE' } });
      expect((await post(10)).status).toBe(201);
    } finally {
      await shipped.close();
    }
  });

  it('acts for the local user as coordinator only until the first account exists', async () => {
    const shipped = await openShippedServer(backend, { withConfidentialPledge: true, viewerPolicy: { anonymousRole: 'coordinator', trustViewerHeader: false } });
    try {
      const pledge = `${shipped.server.url}/api/commitments/${CONFIDENTIAL_TEST_PLEDGE.id}`;
      expect((await fetch(pledge)).status).toBe(200);
      await new Accounts(shipped.store).create({ username: 'first-admin', password: PASSWORD, role: 'administrator' }, SYSTEM_VIEWER);
      expect((await fetch(pledge)).status).toBe(404);
      expect(await (await fetch(`${shipped.server.url}/api/auth/session`)).json()).toMatchObject({ viewer: { role: 'public' } });
    } finally {
      await shipped.close();
    }
  });
});
