// Accounts, sessions, API tokens and the sign-in rate limit, on every backend, with a clock the
// test moves. Secrets never reach the database or the audit log in the clear.
import { SYSTEM_VIEWER, accountViewer, type Viewer } from '@compact/core';
import { afterEach, describe, expect, it } from 'vitest';
import { backupStore } from '../backup.js';
import { testBackends } from '../test-backends.js';
import { Accounts, DEFAULT_ACCOUNT_POLICY } from './accounts.js';

const operator: Viewer = { ...SYSTEM_VIEWER, actor: 'accounts-test' };
const PASSWORD = 'correct horse battery staple';

describe.each(testBackends)('accounts on $name', (backend) => {
  const disposers: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const dispose of disposers.splice(0)) await dispose();
  });

  async function setUp(policy = DEFAULT_ACCOUNT_POLICY) {
    const opened = await backend.open();
    disposers.push(opened.dispose);
    const clock = { now: new Date('2026-01-05T09:00:00Z') };
    const accounts = new Accounts(opened.store, policy, () => clock.now);
    const advance = (ms: number) => (clock.now = new Date(clock.now.getTime() + ms));
    return { store: opened.store, accounts, advance };
  }

  it('creates accounts with argon2id hashes, refuses duplicates and bad input by field, and audits without secrets', async () => {
    const { store, accounts } = await setUp();
    expect(await accounts.any()).toBe(false);
    const admin = await accounts.create({ username: ' Admin ', password: PASSWORD, role: 'administrator' }, operator);
    expect(admin).toMatchObject({ username: 'admin', role: 'administrator', disabled: false });
    expect(await accounts.any()).toBe(true);
    const row = await store.db.selectFrom('users').selectAll().executeTakeFirstOrThrow();
    expect(row.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    await expect(accounts.create({ username: 'ADMIN', password: PASSWORD, role: 'analyst' }, operator)).rejects.toMatchObject({ code: 'ALREADY_EXISTS', path: '$.username' });
    await expect(accounts.create({ username: 'short', password: 'too short', role: 'analyst' }, operator)).rejects.toMatchObject({ code: 'VALIDATION', path: '$.password' });
    await expect(accounts.create({ username: 'officer', password: PASSWORD, role: 'partner-officer' }, operator)).rejects.toMatchObject({ code: 'VALIDATION', path: '$.partner' });
    await expect(accounts.create({ username: 'x', password: PASSWORD, role: 'analyst' }, operator)).rejects.toMatchObject({ path: '$.username' });
    await expect(accounts.create({ username: 'ok-name', password: PASSWORD, role: 'analyst' }, { role: 'coordinator' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const audit = JSON.stringify(await store.auditEntries());
    expect(audit).toContain('"entity":"users"');
    expect(audit).not.toContain(PASSWORD);
    expect(audit).not.toContain('argon2');
  });

  it('signs in, keeps a session until it is idle too long or too old, and signs out', async () => {
    const { accounts, advance } = await setUp();
    await accounts.create({ username: 'gb-officer', password: PASSWORD, role: 'partner-officer', partner: 'GB' }, operator);
    const grant = await accounts.signIn('GB-Officer', PASSWORD, '10.0.0.1');
    const session = await accounts.session(grant.sessionId);
    expect(session).toMatchObject({ via: 'session', csrfToken: grant.csrfToken });
    expect(accountViewer(session!.account)).toMatchObject({ role: 'partner-officer', partner: 'GB', actor: 'user:gb-officer' });
    expect(await accounts.session('not-a-session')).toBeUndefined();

    advance(DEFAULT_ACCOUNT_POLICY.sessionIdleMs - 60_000);
    expect(await accounts.session(grant.sessionId)).toBeDefined(); // touched: idle time starts again
    advance(DEFAULT_ACCOUNT_POLICY.sessionIdleMs - 60_000);
    expect(await accounts.session(grant.sessionId)).toBeDefined();
    advance(DEFAULT_ACCOUNT_POLICY.sessionIdleMs);
    expect(await accounts.session(grant.sessionId)).toBeUndefined();

    const second = await accounts.signIn('gb-officer', PASSWORD, '10.0.0.1');
    for (let used = 0; used < DEFAULT_ACCOUNT_POLICY.sessionMaxAgeMs; used += 3600_000) {
      expect(await accounts.session(second.sessionId)).toBeDefined();
      advance(3600_000);
    }
    expect(await accounts.session(second.sessionId)).toBeUndefined(); // twelve hours, however active

    const third = await accounts.signIn('gb-officer', PASSWORD, '10.0.0.1');
    await accounts.signOut(third.sessionId);
    expect(await accounts.session(third.sessionId)).toBeUndefined();
  });

  it('stores session ids and token secrets only as digests', async () => {
    const { store, accounts } = await setUp();
    const account = await accounts.create({ username: 'analyst', password: PASSWORD, role: 'analyst' }, operator);
    const grant = await accounts.signIn('analyst', PASSWORD, '10.0.0.1');
    const { token } = await accounts.createToken(account.id, { name: 'ci', scope: 'read' }, operator);
    const everything = JSON.stringify([await store.db.selectFrom('sessions').selectAll().execute(), await store.db.selectFrom('api_tokens').selectAll().execute(), await store.auditEntries()]);
    expect(everything).not.toContain(grant.sessionId);
    expect(everything).not.toContain(token.split('_').at(-1));
    const backup = JSON.stringify(await backupStore(store));
    expect(backup).toContain('"username":"analyst"');
    expect(backup).not.toContain(grant.csrfToken); // sessions are not backed up
  });

  it('limits failed sign-ins per account and per address, with the same answer for unknown names', async () => {
    const { accounts, advance } = await setUp();
    await accounts.create({ username: 'target', password: PASSWORD, role: 'analyst' }, operator);
    for (let i = 0; i < 5; i++) await expect(accounts.signIn('target', `wrong password ${i}`, `10.0.1.${i}`)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    // The right password is refused too once the account is locked, from any address.
    await expect(accounts.signIn('target', PASSWORD, '10.0.9.9')).rejects.toMatchObject({ code: 'TOO_MANY_REQUESTS', details: { retryAfterSeconds: 900 } });
    advance(DEFAULT_ACCOUNT_POLICY.failureWindowMs + 1000);
    await expect(accounts.signIn('target', PASSWORD, '10.0.9.9')).resolves.toMatchObject({ account: { username: 'target' } });

    // One address trying many names is stopped after 20 failures, whichever names.
    const unknown = await accounts.signIn('nobody', PASSWORD, '10.0.2.1').catch((error: unknown) => error);
    expect(unknown).toMatchObject({ code: 'UNAUTHENTICATED', message: 'wrong username or password, or the account is disabled' });
    for (let i = 1; i < 20; i++) await expect(accounts.signIn(`name-${i}`, PASSWORD, '10.0.2.1')).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    await expect(accounts.signIn('target', PASSWORD, '10.0.2.1')).rejects.toMatchObject({ code: 'TOO_MANY_REQUESTS' });
    await expect(accounts.signIn('target', PASSWORD, '10.0.2.2')).resolves.toBeDefined();
  });

  it('issues scoped tokens that stop working when revoked, expired, or their account is disabled', async () => {
    const { accounts, advance, store } = await setUp();
    const admin = await accounts.create({ username: 'root-admin', password: PASSWORD, role: 'administrator' }, operator);
    const lead = await accounts.create({ username: 'lead', password: PASSWORD, role: 'coalition-lead', coalitions: ['drone-coalition'] }, operator);
    const leadViewer = accountViewer(lead);
    const adminViewer = accountViewer(admin);

    const readOnly = await accounts.createToken(lead.id, { name: 'dashboard', scope: 'read' }, leadViewer);
    expect(readOnly.token).toMatch(/^cpt_[a-z0-9]{16}_[A-Za-z0-9_-]{43}$/);
    expect(await accounts.token(readOnly.token)).toMatchObject({ via: 'token', scope: 'read', account: { username: 'lead', coalitions: ['drone-coalition'] } });
    expect(await accounts.token(readOnly.token.slice(0, -1) + (readOnly.token.endsWith('A') ? 'B' : 'A'))).toBeUndefined();
    await expect(accounts.createToken(admin.id, { name: 'not mine' }, leadViewer)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(accounts.revokeToken(readOnly.info.id, accountViewer({ ...lead, id: 'someone-else' }))).rejects.toMatchObject({ code: 'NOT_FOUND' });

    const expiring = await accounts.createToken(lead.id, { name: 'short', scope: 'read-write', expiresInDays: 1 }, adminViewer);
    expect(await accounts.token(expiring.token)).toMatchObject({ scope: 'read-write' });
    advance(86_400_000);
    expect(await accounts.token(expiring.token)).toBeUndefined();

    await accounts.revokeToken(readOnly.info.id, leadViewer);
    expect(await accounts.token(readOnly.token)).toBeUndefined();
    expect((await accounts.listTokens(leadViewer, lead.id)).map((token) => Boolean(token.revokedAt))).toEqual([true, false]);

    const another = await accounts.createToken(lead.id, { name: 'another' }, leadViewer);
    const grant = await accounts.signIn('lead', PASSWORD, '10.0.0.1');
    await accounts.update(lead.id, { disabled: true }, adminViewer);
    expect(await accounts.token(another.token)).toBeUndefined();
    expect(await accounts.session(grant.sessionId)).toBeUndefined();
    await expect(accounts.signIn('lead', PASSWORD, '10.0.0.1')).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    await expect(accounts.update(admin.id, { disabled: true }, adminViewer)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect((await store.auditEntries()).map((entry) => `${String(entry.action)} ${String(entry.entity)}`)).toContain('revoke api_tokens');
  });

  it("changes one's own password with the current one, ending the other sessions", async () => {
    const { accounts } = await setUp();
    const account = await accounts.create({ username: 'coordinator', password: PASSWORD, role: 'coordinator' }, operator);
    const here = await accounts.signIn('coordinator', PASSWORD, '10.0.0.1');
    const elsewhere = await accounts.signIn('coordinator', PASSWORD, '10.0.0.2');
    const viewer = accountViewer(account);
    await expect(accounts.changePassword(account.id, 'not the password', 'a brand new password', viewer)).rejects.toMatchObject({ code: 'UNAUTHENTICATED', path: '$.currentPassword' });
    await expect(accounts.changePassword(account.id, PASSWORD, 'short', viewer)).rejects.toMatchObject({ code: 'VALIDATION', path: '$.newPassword' });
    await accounts.changePassword(account.id, PASSWORD, 'a brand new password', viewer, here.sessionId);
    expect(await accounts.session(here.sessionId)).toBeDefined();
    expect(await accounts.session(elsewhere.sessionId)).toBeUndefined();
    await expect(accounts.signIn('coordinator', PASSWORD, '10.0.0.1')).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    await expect(accounts.signIn('coordinator', 'a brand new password', '10.0.0.1')).resolves.toBeDefined();
  });
});
