import { randomBytes, randomUUID } from 'node:crypto';
import {
  AccountChangeSchema,
  CompactError,
  NewAccountSchema,
  NewTokenSchema,
  PasswordSchema,
  issuesFromZod,
  scopeProblems,
  validationError,
  type Account,
  type AccountRole,
  type TokenScope,
  type Viewer,
} from '@compact/core';
import type { Kysely } from 'kysely';
import { appendAudit } from '../audit.js';
import type { ApiTokenRow, Tables, UserRow } from '../schema.js';
import type { Store } from '../store.js';
import { decoyHash, digest, hashPassword, passwordMatches, randomSecret, sameDigest } from './secrets.js';
import { formatToken, parseToken } from './tokens.js';

export interface AccountPolicy {
  /** A session ends this long after sign-in, whatever happens. */
  readonly sessionMaxAgeMs: number;
  /** … or this long after its last use. */
  readonly sessionIdleMs: number;
  /** Failed sign-ins allowed per account, and per address, within `failureWindowMs`. */
  readonly failuresPerAccount: number;
  readonly failuresPerAddress: number;
  readonly failureWindowMs: number;
}

export const DEFAULT_ACCOUNT_POLICY: AccountPolicy = {
  sessionMaxAgeMs: 12 * 3600_000,
  sessionIdleMs: 2 * 3600_000,
  failuresPerAccount: 5,
  failuresPerAddress: 20,
  failureWindowMs: 15 * 60_000,
};

/** What a successful sign-in hands the edge: the cookie's value and the CSRF token to echo. */
export interface SessionGrant {
  readonly sessionId: string;
  readonly csrfToken: string;
  readonly expiresAt: string;
  readonly account: Account;
}

/** Who a request is, once its cookie or token has been checked. */
export type Authentication =
  | { readonly via: 'session'; readonly account: Account; readonly csrfToken: string; readonly expiresAt: string }
  | { readonly via: 'token'; readonly account: Account; readonly scope: TokenScope; readonly tokenId: string };

export interface ApiToken {
  readonly id: string;
  readonly userId: string;
  readonly username: string;
  readonly name: string;
  readonly scope: TokenScope;
  readonly createdAt: string;
  readonly expiresAt: string | null;
  readonly revokedAt: string | null;
  readonly lastUsedAt: string | null;
}

// Writing last-use times on every request would turn reads into writes; once a minute is enough.
const TOUCH_EVERY_MS = 60_000;

/**
 * Local accounts, sessions and API tokens. Every change to an account or token is audited like
 * any other write (without hashes); sign-ins are not writes of the registry and go to the log.
 */
export class Accounts {
  constructor(
    private readonly store: Store,
    private readonly policy: AccountPolicy = DEFAULT_ACCOUNT_POLICY,
    private readonly now: () => Date = () => new Date(),
  ) {}

  private get db(): Kysely<Tables> {
    return this.store.db;
  }

  /** Whether any account exists: until one does, a loopback server may act for its local user. */
  async any(): Promise<boolean> {
    return (await this.db.selectFrom('users').select('id').limit(1).executeTakeFirst()) !== undefined;
  }

  async list(by: Viewer): Promise<Account[]> {
    requireAdministrator(by, 'list accounts');
    const rows = await this.db.selectFrom('users').selectAll().orderBy('username').execute();
    return rows.map(toAccount);
  }

  async get(id: string, by: Viewer): Promise<Account> {
    if (by.userId !== id) requireAdministrator(by, 'read other accounts');
    const row = await this.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw new CompactError('NOT_FOUND', `no account "${id}"`);
    return toAccount(row);
  }

  async findByUsername(username: string): Promise<Account | undefined> {
    const row = await this.db.selectFrom('users').selectAll().where('username', '=', username.trim().toLowerCase()).executeTakeFirst();
    return row ? toAccount(row) : undefined;
  }

  async create(input: unknown, by: Viewer): Promise<Account> {
    requireAdministrator(by, 'create accounts');
    const account = parse(NewAccountSchema, input);
    const passwordHash = await hashPassword(account.password);
    const at = this.now().toISOString();
    const row: UserRow = {
      id: randomUUID(),
      username: account.username,
      password_hash: passwordHash,
      role: account.role,
      partner: account.role === 'partner-officer' ? (account.partner ?? null) : null,
      coalitions: account.role === 'coalition-lead' ? JSON.stringify(account.coalitions ?? []) : null,
      disabled_at: null,
      created_at: at,
      updated_at: at,
      password_changed_at: at,
    };
    return this.store.transaction(async (trx) => {
      const taken = await trx.selectFrom('users').select('id').where('username', '=', row.username).executeTakeFirst();
      if (taken) throw new CompactError('ALREADY_EXISTS', `an account named "${row.username}" already exists`, '$.username');
      await trx.insertInto('users').values(row).execute();
      const created = toAccount(row);
      await appendAudit(trx, by, { action: 'create', entity: 'users', entityId: row.id, before: null, after: created }, at);
      return created;
    });
  }

  /** An administrator's change: role, scope, disabling, or a password reset. Ends the account's sessions when it matters. */
  async update(id: string, input: unknown, by: Viewer): Promise<Account> {
    requireAdministrator(by, 'change accounts');
    const change = parse(AccountChangeSchema, input);
    const passwordHash = change.password === undefined ? undefined : await hashPassword(change.password);
    const at = this.now().toISOString();
    return this.store.transaction(async (trx) => {
      const current = await trx.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
      if (!current) throw new CompactError('NOT_FOUND', `no account "${id}"`);
      if (by.userId === id && (change.disabled === true || (change.role !== undefined && change.role !== 'administrator'))) {
        throw new CompactError('FORBIDDEN', 'you may not disable your own account or give up your own administrator role; ask another administrator');
      }
      const role = (change.role ?? current.role) as AccountRole;
      const partner = change.partner !== undefined ? change.partner : current.partner;
      const coalitions = change.coalitions ?? (current.coalitions ? (JSON.parse(current.coalitions) as string[]) : []);
      const problems = scopeProblems({ role, partner, coalitions });
      if (problems.length > 0) throw validationError(problems.map((problem) => ({ path: `$.${problem.field}`, message: problem.message, code: 'INVALID' })));
      const next: UserRow = {
        ...current,
        role,
        partner: role === 'partner-officer' ? (partner ?? null) : null,
        coalitions: role === 'coalition-lead' ? JSON.stringify(coalitions) : null,
        disabled_at: change.disabled === undefined ? current.disabled_at : change.disabled ? (current.disabled_at ?? at) : null,
        updated_at: at,
        ...(passwordHash ? { password_hash: passwordHash, password_changed_at: at } : {}),
      };
      await trx.updateTable('users').set(next).where('id', '=', id).execute();
      // Whatever changed what the account may do, or who may use it, ends its sessions.
      await trx.deleteFrom('sessions').where('user_id', '=', id).execute();
      const after = toAccount(next);
      await appendAudit(trx, by, { action: 'update', entity: 'users', entityId: id, before: toAccount(current), after: { ...after, ...(passwordHash ? { passwordReset: true } : {}) } }, at);
      return after;
    });
  }

  /** The owner's own change, which needs the current password; other sessions end. */
  async changePassword(userId: string, currentPassword: string, newPassword: unknown, by: Viewer, keepSession?: string): Promise<void> {
    if (by.userId !== userId) throw new CompactError('FORBIDDEN', 'you may change only your own password');
    const password = parse(PasswordSchema, newPassword, ['newPassword']);
    const row = await this.db.selectFrom('users').selectAll().where('id', '=', userId).executeTakeFirst();
    if (!row || !(await passwordMatches(row.password_hash, currentPassword))) {
      throw new CompactError('UNAUTHENTICATED', 'the current password is wrong', '$.currentPassword');
    }
    const passwordHash = await hashPassword(password);
    const at = this.now().toISOString();
    await this.store.transaction(async (trx) => {
      await trx.updateTable('users').set({ password_hash: passwordHash, password_changed_at: at, updated_at: at }).where('id', '=', userId).execute();
      let others = trx.deleteFrom('sessions').where('user_id', '=', userId);
      if (keepSession) others = others.where('id_hash', '!=', digest(keepSession));
      await others.execute();
      await appendAudit(trx, by, { action: 'update', entity: 'users', entityId: userId, before: null, after: { passwordChanged: true } }, at);
    });
  }

  /**
   * Checks a username and password and opens a session. Refused, without checking the password,
   * once the account or the address has failed too often within the window; every failure counts
   * against both. The same message for an unknown name and a wrong password.
   */
  async signIn(username: string, password: string, address: string): Promise<SessionGrant> {
    const name = username.trim().toLowerCase();
    const now = this.now();
    await this.refuseIfThrottled(name, address, now);
    const row = name ? await this.db.selectFrom('users').selectAll().where('username', '=', name).executeTakeFirst() : undefined;
    const matches = await passwordMatches(row?.password_hash ?? (await decoyHash()), password.slice(0, 1024));
    if (!row || !matches || row.disabled_at !== null) {
      await this.recordFailure(name, address, now);
      throw new CompactError('UNAUTHENTICATED', 'wrong username or password, or the account is disabled');
    }
    const sessionId = randomSecret();
    const csrfToken = randomSecret();
    const at = now.toISOString();
    const expiresAt = new Date(now.getTime() + this.policy.sessionMaxAgeMs).toISOString();
    await this.store.transaction(async (trx) => {
      await trx.insertInto('sessions').values({ id_hash: digest(sessionId), user_id: row.id, csrf_token: csrfToken, created_at: at, last_seen_at: at, expires_at: expiresAt }).execute();
      await trx.deleteFrom('login_failures').where('key', '=', accountKey(name)).execute();
      // Ended sessions are kept no longer than needed.
      await trx.deleteFrom('sessions').where('expires_at', '<', at).execute();
    });
    return { sessionId, csrfToken, expiresAt, account: toAccount(row) };
  }

  async signOut(sessionId: string): Promise<void> {
    await this.db.deleteFrom('sessions').where('id_hash', '=', digest(sessionId)).execute();
  }

  /** The session behind a cookie, if it is current and its account enabled; touches its last use. */
  async session(sessionId: string): Promise<Authentication | undefined> {
    const row = await this.db
      .selectFrom('sessions')
      .innerJoin('users', 'users.id', 'sessions.user_id')
      .selectAll('users')
      .select(['sessions.csrf_token', 'sessions.expires_at', 'sessions.last_seen_at', 'sessions.id_hash'])
      .where('sessions.id_hash', '=', digest(sessionId))
      .executeTakeFirst();
    if (!row || row.disabled_at !== null) return undefined;
    const now = this.now();
    const idleSince = Date.parse(row.last_seen_at);
    if (Date.parse(row.expires_at) <= now.getTime() || now.getTime() - idleSince >= this.policy.sessionIdleMs) {
      await this.db.deleteFrom('sessions').where('id_hash', '=', row.id_hash).execute();
      return undefined;
    }
    if (now.getTime() - idleSince >= TOUCH_EVERY_MS) {
      await this.db.updateTable('sessions').set({ last_seen_at: now.toISOString() }).where('id_hash', '=', row.id_hash).execute();
    }
    return { via: 'session', account: toAccount(row), csrfToken: row.csrf_token, expiresAt: row.expires_at };
  }

  async createToken(userId: string, input: unknown, by: Viewer): Promise<{ token: string; info: ApiToken }> {
    if (by.userId !== userId) requireAdministrator(by, 'create tokens for other accounts');
    const request = parse(NewTokenSchema, input);
    const owner = await this.db.selectFrom('users').selectAll().where('id', '=', userId).executeTakeFirst();
    if (!owner) throw new CompactError('NOT_FOUND', `no account "${userId}"`);
    const now = this.now();
    const id = randomBytes(8).toString('hex');
    const secret = randomSecret();
    const row: ApiTokenRow = {
      id,
      user_id: userId,
      name: request.name,
      secret_hash: digest(secret),
      scope: request.scope,
      created_at: now.toISOString(),
      expires_at: request.expiresInDays === undefined ? null : new Date(now.getTime() + request.expiresInDays * 86_400_000).toISOString(),
      revoked_at: null,
      last_used_at: null,
    };
    const info = toToken(row, owner.username);
    await this.store.transaction(async (trx) => {
      await trx.insertInto('api_tokens').values(row).execute();
      await appendAudit(trx, by, { action: 'create', entity: 'api_tokens', entityId: id, before: null, after: info }, row.created_at);
    });
    return { token: formatToken(id, secret), info };
  }

  /** The account's tokens, or every token for an administrator who asks for all. */
  async listTokens(by: Viewer, userId?: string): Promise<ApiToken[]> {
    if (userId === undefined || userId !== by.userId) requireAdministrator(by, "list other accounts' tokens");
    let query = this.db.selectFrom('api_tokens').innerJoin('users', 'users.id', 'api_tokens.user_id').selectAll('api_tokens').select('users.username');
    if (userId !== undefined) query = query.where('api_tokens.user_id', '=', userId);
    const rows = await query.orderBy('api_tokens.created_at').execute();
    return rows.map((row) => toToken(row, row.username));
  }

  async revokeToken(id: string, by: Viewer): Promise<ApiToken> {
    const at = this.now().toISOString();
    return this.store.transaction(async (trx) => {
      const row = await trx.selectFrom('api_tokens').innerJoin('users', 'users.id', 'api_tokens.user_id').selectAll('api_tokens').select('users.username').where('api_tokens.id', '=', id).executeTakeFirst();
      // Someone else's token is "not found" to a non-administrator: its id tells nothing.
      if (!row || (row.user_id !== by.userId && !isAdministrator(by))) throw new CompactError('NOT_FOUND', `no token "${id}"`);
      const before = toToken(row, row.username);
      if (row.revoked_at !== null) return before;
      await trx.updateTable('api_tokens').set({ revoked_at: at }).where('id', '=', id).execute();
      const after = { ...before, revokedAt: at };
      await appendAudit(trx, by, { action: 'revoke', entity: 'api_tokens', entityId: id, before, after }, at);
      return after;
    });
  }

  /** The account behind a bearer token, if the token is well-formed, current, unrevoked and its account enabled. */
  async token(token: string): Promise<Authentication | undefined> {
    const parts = parseToken(token);
    if (!parts) return undefined;
    const row = await this.db
      .selectFrom('api_tokens')
      .innerJoin('users', 'users.id', 'api_tokens.user_id')
      .selectAll('users')
      .select(['api_tokens.secret_hash', 'api_tokens.scope', 'api_tokens.expires_at', 'api_tokens.revoked_at', 'api_tokens.last_used_at'])
      .where('api_tokens.id', '=', parts.id)
      .executeTakeFirst();
    if (!row || !sameDigest(row.secret_hash, digest(parts.secret))) return undefined;
    const now = this.now();
    if (row.revoked_at !== null || row.disabled_at !== null || (row.expires_at !== null && Date.parse(row.expires_at) <= now.getTime())) return undefined;
    if (row.last_used_at === null || now.getTime() - Date.parse(row.last_used_at) >= TOUCH_EVERY_MS) {
      await this.db.updateTable('api_tokens').set({ last_used_at: now.toISOString() }).where('id', '=', parts.id).execute();
    }
    return { via: 'token', account: toAccount(row), scope: row.scope as TokenScope, tokenId: parts.id };
  }

  private async refuseIfThrottled(name: string, address: string, now: Date): Promise<void> {
    const since = new Date(now.getTime() - this.policy.failureWindowMs).toISOString();
    const count = async (key: string) =>
      Number((await this.db.selectFrom('login_failures').select((eb) => eb.fn.countAll().as('n')).where('key', '=', key).where('at', '>', since).executeTakeFirstOrThrow()).n);
    const [byAccount, byAddress] = await Promise.all([count(accountKey(name)), count(addressKey(address))]);
    if (byAccount >= this.policy.failuresPerAccount || byAddress >= this.policy.failuresPerAddress) {
      throw new CompactError(
        'TOO_MANY_REQUESTS',
        `too many failed sign-ins ${byAccount >= this.policy.failuresPerAccount ? 'for this account' : 'from this address'}; try again in ${Math.ceil(this.policy.failureWindowMs / 60_000)} minutes`,
        undefined,
        undefined,
        { retryAfterSeconds: Math.ceil(this.policy.failureWindowMs / 1000) },
      );
    }
  }

  private async recordFailure(name: string, address: string, now: Date): Promise<void> {
    const at = now.toISOString();
    await this.store.transaction(async (trx) => {
      await trx
        .insertInto('login_failures')
        .values([
          { id: randomUUID(), key: accountKey(name), at },
          { id: randomUUID(), key: addressKey(address), at },
        ])
        .execute();
      await trx.deleteFrom('login_failures').where('at', '<', new Date(now.getTime() - this.policy.failureWindowMs).toISOString()).execute();
    });
  }
}

const accountKey = (name: string) => `account:${name}`;
const addressKey = (address: string) => `address:${address}`;

function isAdministrator(viewer: Viewer): boolean {
  return viewer.role === 'administrator' || viewer.role === 'system';
}

function requireAdministrator(viewer: Viewer, what: string): void {
  if (isAdministrator(viewer)) return;
  throw new CompactError(viewer.role === 'public' ? 'UNAUTHENTICATED' : 'FORBIDDEN', `only administrators may ${what}`);
}

function parse<T>(schema: { safeParse(input: unknown): { success: true; data: T } | { success: false; error: Parameters<typeof issuesFromZod>[0] } }, input: unknown, prefix: readonly string[] = []): T {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw validationError(issuesFromZod(parsed.error, prefix));
  return parsed.data;
}

function toAccount(row: UserRow): Account {
  return {
    id: row.id,
    username: row.username,
    role: row.role as AccountRole,
    partner: row.partner,
    coalitions: row.coalitions ? (JSON.parse(row.coalitions) as string[]) : [],
    disabled: row.disabled_at !== null,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function toToken(row: ApiTokenRow, username: string): ApiToken {
  return {
    id: row.id,
    userId: row.user_id,
    username,
    name: row.name,
    scope: row.scope as TokenScope,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    revokedAt: row.revoked_at,
    lastUsedAt: row.last_used_at,
  };
}
