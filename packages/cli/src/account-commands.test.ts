// `compact user` and `compact token` as an operator runs them: the password from standard input,
// never from a flag; the first administrator can then sign in over HTTP.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Accounts, openStore } from '@compact/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../bin/compact.js', import.meta.url));

function compact(args: string[], stdin = ''): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, ...args], { env: { ...process.env, DATABASE_URL: '' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += String(chunk)));
    child.stderr.on('data', (chunk) => (stderr += String(chunk)));
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

describe('accounts from the command line', { timeout: 120_000 }, () => {
  let folder: string;
  let db: string;
  beforeAll(() => {
    folder = mkdtempSync(join(tmpdir(), 'compact-accounts-cli-'));
    db = join(folder, 'compact.sqlite');
  });
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('creates the first administrator with a password from standard input, and refuses a weak or missing one', async () => {
    const weak = await compact(['--db', db, 'user', 'create', 'root', '--admin'], 'short\n');
    expect(weak.code).toBe(1);
    expect(weak.stderr).toContain('$.password: must be at least 12 characters');
    const none = await compact(['--db', db, 'user', 'create', 'root', '--admin'], '');
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('no password on standard input');
    const noRole = await compact(['--db', db, 'user', 'create', 'root'], 'a long enough password\n');
    expect(noRole.stderr).toContain('--admin or --role');

    const created = await compact(['--db', db, 'user', 'create', 'Root', '--admin'], 'a long enough password\n');
    expect(created.code, created.stderr).toBe(0);
    expect(created.stdout).toMatch(/^created administrator "root"/);
    const officer = await compact(['--db', db, 'user', 'create', 'gb', '--role', 'partner-officer', '--partner', 'GB'], 'the officer password\n');
    expect(officer.code, officer.stderr).toBe(0);

    const store = await openStore({ sqlitePath: db });
    try {
      const grant = await new Accounts(store).signIn('root', 'a long enough password', '127.0.0.1');
      expect(grant.account.role).toBe('administrator');
    } finally {
      await store.close();
    }
    const list = await compact(['--db', db, 'user', 'list']);
    expect(list.stdout.trim().split('\n')).toEqual(['gb\tpartner-officer\tGB\tactive', 'root\tadministrator\tactive']);
  });

  it('creates a token printed once, lists it without its secret, revokes it, and disables an account', async () => {
    const created = await compact(['--db', db, 'token', 'create', 'gb', '--name', 'nightly sync', '--scope', 'read-write']);
    expect(created.code, created.stderr).toBe(0);
    const token = created.stdout.trim();
    expect(token).toMatch(/^cpt_[a-z0-9]{16}_[A-Za-z0-9_-]{43}$/);
    const id = token.slice(4, 20);
    const list = await compact(['--db', db, 'token', 'list']);
    expect(list.stdout).toContain(`${id}\tgb\tnightly sync\tread-write\tno expiry`);
    expect(list.stdout).not.toContain(token.slice(21));
    expect((await compact(['--db', db, 'token', 'revoke', id])).code).toBe(0);
    expect((await compact(['--db', db, 'token', 'list'])).stdout).toContain('revoked');
    expect((await compact(['--db', db, 'user', 'disable', 'gb'])).code).toBe(0);
    expect((await compact(['--db', db, 'user', 'list'])).stdout).toContain('gb\tpartner-officer\tGB\tdisabled');
    const audit = await compact(['--db', db, 'audit', 'verify']);
    expect(audit.stdout).toMatch(/audit log intact: 5 entries/);
  });
});
