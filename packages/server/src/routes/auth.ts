import { getConnInfo } from '@hono/node-server/conninfo';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { z } from '@hono/zod-openapi';
import { CompactError, NewAccountSchema, AccountChangeSchema, NewTokenSchema, type Viewer } from '@compact/core';
import type { Accounts } from '@compact/store';
import type { Context } from 'hono';
import type { Logger } from 'pino';
import { clearSessionCookie, readSessionCookie, setSessionCookie } from '../auth/cookies.js';
import type { AppEnv } from '../context.js';
import { documentRoute } from '../openapi.js';
import { readJson } from '../request.js';

const SignIn = z.object({ username: z.string(), password: z.string() });
const PasswordChange = z.object({ currentPassword: z.string(), newPassword: z.string() });

export interface AuthRouteOptions {
  readonly accounts: Accounts;
  readonly logger: Logger;
  readonly secureCookies: boolean;
}

/** Sign-in and out, the current session, one's own password, accounts (administrators) and API tokens. */
export function registerAuthRoutes(app: OpenAPIHono<AppEnv>, { accounts, logger, secureCookies }: AuthRouteOptions): void {
  documentRoute(app, { method: 'post', path: '/api/auth/login', tag: 'auth', summary: 'Sign in with a username and password; sets the session cookie and returns the CSRF token', body: SignIn });
  app.post('/api/auth/login', async (c) => {
    const body = await readJson(c);
    const parsed = SignIn.safeParse(body);
    if (!parsed.success) throw new CompactError('VALIDATION', 'send {"username": "…", "password": "…"}', '$');
    // A sign-in form posted from another site is refused like any other change from one.
    const origin = c.req.header('origin');
    if (origin !== undefined && origin !== new URL(c.req.url).origin) throw new CompactError('FORBIDDEN', `a sign-in from another site (${origin}) is refused`);
    const address = clientAddress(c);
    try {
      const grant = await accounts.signIn(parsed.data.username, parsed.data.password, address);
      setSessionCookie(c, grant.sessionId, grant.expiresAt, secureCookies);
      logger.info({ event: 'sign-in', user: grant.account.username, address }, 'signed in');
      return c.json({ account: grant.account, csrfToken: grant.csrfToken, expiresAt: grant.expiresAt });
    } catch (error) {
      if (error instanceof CompactError) {
        logger.warn({ event: 'sign-in refused', user: parsed.data.username.slice(0, 64), address, code: error.code }, 'sign-in refused');
        const retryAfter = error.details?.retryAfterSeconds;
        if (typeof retryAfter === 'number') c.header('Retry-After', String(retryAfter));
      }
      throw error;
    }
  });

  documentRoute(app, { method: 'post', path: '/api/auth/logout', tag: 'auth', summary: 'Sign out: ends this session', status: 204 });
  app.post('/api/auth/logout', async (c) => {
    const sessionId = readSessionCookie(c);
    if (sessionId !== undefined) await accounts.signOut(sessionId);
    clearSessionCookie(c, secureCookies);
    return c.body(null, 204);
  });

  documentRoute(app, { method: 'get', path: '/api/auth/session', tag: 'auth', summary: 'Who the request is: the viewer, the account and (for a session) the CSRF token for changes' });
  app.get('/api/auth/session', (c) => {
    const authentication = c.var.authentication;
    const { role, partner, coalitions } = c.var.viewer;
    c.header('Cache-Control', 'no-store');
    return c.json({
      signedIn: authentication !== undefined,
      via: authentication?.via ?? 'anonymous',
      viewer: { role, partner: partner ?? null, coalitions: coalitions ?? [] },
      account: authentication?.account ?? null,
      csrfToken: authentication?.via === 'session' ? authentication.csrfToken : null,
      expiresAt: authentication?.via === 'session' ? authentication.expiresAt : null,
    });
  });

  documentRoute(app, { method: 'post', path: '/api/auth/password', tag: 'auth', summary: 'Change your own password (needs the current one); your other sessions end', body: PasswordChange, status: 204 });
  app.post('/api/auth/password', async (c) => {
    const account = signedInBySession(c);
    const body = PasswordChange.safeParse(await readJson(c));
    if (!body.success) throw new CompactError('VALIDATION', 'send {"currentPassword": "…", "newPassword": "…"}', '$');
    await accounts.changePassword(account.id, body.data.currentPassword, body.data.newPassword, c.var.viewer, readSessionCookie(c));
    return c.body(null, 204);
  });

  documentRoute(app, { method: 'get', path: '/api/users', tag: 'auth', summary: 'List accounts (administrators)', list: true });
  app.get('/api/users', async (c) => c.json({ items: await accounts.list(accountManager(c)) }));

  documentRoute(app, { method: 'post', path: '/api/users', tag: 'auth', summary: 'Create an account (administrators)', body: NewAccountSchema, status: 201 });
  app.post('/api/users', async (c) => c.json(await accounts.create(await readJson(c), accountManager(c)), 201));

  documentRoute(app, { method: 'get', path: '/api/users/{id}', tag: 'auth', summary: 'Read an account (administrators, or its owner)' });
  app.get('/api/users/:id', async (c) => c.json(await accounts.get(c.req.param('id'), accountManager(c))));

  documentRoute(app, { method: 'patch', path: '/api/users/{id}', tag: 'auth', summary: "Change an account's role, partner, coalitions, disable it or reset its password (administrators); its sessions end", body: AccountChangeSchema });
  app.patch('/api/users/:id', async (c) => c.json(await accounts.update(c.req.param('id'), await readJson(c), accountManager(c))));

  documentRoute(app, { method: 'get', path: '/api/tokens', tag: 'auth', summary: 'Your API tokens; ?user=ID or ?user=all for administrators', query: ['user'], list: true });
  app.get('/api/tokens', async (c) => {
    const viewer = accountManager(c);
    const user = c.req.query('user');
    return c.json({ items: await accounts.listTokens(viewer, user === 'all' ? undefined : (user ?? viewer.userId)) });
  });

  documentRoute(app, {
    method: 'post',
    path: '/api/tokens',
    tag: 'auth',
    summary: 'Create an API token for yourself (or, administrators, for userId); the token is shown once',
    body: NewTokenSchema.extend({ userId: z.string().optional() }),
    status: 201,
  });
  app.post('/api/tokens', async (c) => {
    const viewer = accountManager(c);
    const body = await readJson(c);
    const { userId, ...request } = (typeof body === 'object' && body !== null ? body : {}) as { userId?: unknown };
    const owner = typeof userId === 'string' ? userId : viewer.userId;
    if (owner === undefined) throw new CompactError('VALIDATION', 'name the account the token is for in "userId"', '$.userId');
    const created = await accounts.createToken(owner, request, viewer);
    return c.json({ token: created.token, ...created.info }, 201);
  });

  documentRoute(app, { method: 'delete', path: '/api/tokens/{id}', tag: 'auth', summary: 'Revoke an API token (your own; administrators any)' });
  app.delete('/api/tokens/:id', async (c) => c.json(await accounts.revokeToken(c.req.param('id'), accountManager(c))));
}

/** Where the request came from, for the sign-in rate limit. Behind a proxy all look alike; the per-account limit still holds. */
function clientAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

function signedInBySession(c: Context<AppEnv>) {
  const authentication = c.var.authentication;
  if (!authentication) throw new CompactError('UNAUTHENTICATED', 'sign in first');
  if (authentication.via !== 'session') throw new CompactError('FORBIDDEN', 'an API token cannot change a password; sign in');
  return authentication.account;
}

/**
 * Accounts and tokens are managed by people, in a session, or by the operator's trusted proxy:
 * an API token (a machine) may not mint more tokens or accounts. Who may do what is the store's rule.
 */
function accountManager(c: Context<AppEnv>): Viewer {
  if (c.var.authentication?.via === 'token') throw new CompactError('FORBIDDEN', 'API tokens cannot manage accounts or tokens; sign in');
  return c.var.viewer;
}
