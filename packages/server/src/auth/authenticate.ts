import { timingSafeEqual } from 'node:crypto';
import { accountViewer, CompactError, type Role, type Viewer } from '@compact/core';
import type { Accounts, Authentication } from '@compact/store';
import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from '../context.js';
import { parseViewerHeader, VIEWER_HEADER } from '../viewer.js';
import { clearSessionCookie, CSRF_HEADER, readSessionCookie } from './cookies.js';

/**
 * How a request becomes a viewer. In order: a bearer token, a session cookie, the trusted viewer
 * header (tests and a fronting proxy only), else anonymous.
 */
export interface ViewerPolicy {
  /**
   * What an anonymous request gets while no account exists. A server on loopback acts for its
   * one local user as the coordinator; once the first account is created, everyone signs in and
   * anonymous means public.
   */
  readonly anonymousRole: Role;
  /** Lets the `X-Compact-Viewer` header name the viewer. Never on an open network. */
  readonly trustViewerHeader: boolean;
  /** Mark the session cookie Secure even on plain HTTP (a TLS-terminating proxy in front). */
  readonly secureCookies?: boolean | undefined;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function authenticate(accounts: Accounts, policy: ViewerPolicy): MiddlewareHandler<AppEnv> {
  let accountsExist = false;
  const anonymousRole = async (): Promise<Role> => {
    if (policy.anonymousRole === 'public') return 'public';
    // Once true it stays true: accounts are disabled, not all deleted, in a running deployment.
    accountsExist ||= await accounts.any();
    return accountsExist ? 'public' : policy.anonymousRole;
  };

  return async (c, next) => {
    const authentication = await authenticationOf(c, accounts, policy);
    if (authentication) {
      guardUnsafeMethod(c, authentication);
      c.set('viewer', accountViewer(authentication.account));
      c.set('authentication', authentication);
    } else if (policy.trustViewerHeader && c.req.header(VIEWER_HEADER) !== undefined) {
      c.set('viewer', parseViewerHeader(c.req.header(VIEWER_HEADER) ?? ''));
    } else {
      const role = await anonymousRole();
      c.set('viewer', { role, actor: role === 'public' ? 'anonymous' : 'local user' } satisfies Viewer);
    }
    await next();
  };
}

async function authenticationOf(c: Context<AppEnv>, accounts: Accounts, policy: ViewerPolicy): Promise<Authentication | undefined> {
  const authorization = c.req.header('authorization');
  if (authorization !== undefined) {
    const [scheme, token] = authorization.split(' ', 2);
    if (scheme?.toLowerCase() !== 'bearer' || !token) throw new CompactError('UNAUTHENTICATED', 'send an API token as "Authorization: Bearer cpt_…"');
    const byToken = await accounts.token(token.trim());
    if (!byToken) throw new CompactError('UNAUTHENTICATED', 'the API token is unknown, expired or revoked');
    return byToken;
  }
  const sessionId = readSessionCookie(c);
  if (sessionId === undefined) return undefined;
  const session = await accounts.session(sessionId);
  // A stale cookie is dropped and the request goes on as anonymous: the page will offer a sign-in.
  if (!session) clearSessionCookie(c, policy.secureCookies ?? false);
  return session;
}

/**
 * A cookie is sent by the browser whoever asks, so a change made with one must carry the session's
 * CSRF token in a header (which another site cannot read or set) and, when the browser says where
 * it comes from, come from this origin. A read-only token may not change anything.
 */
function guardUnsafeMethod(c: Context<AppEnv>, authentication: Authentication): void {
  if (SAFE_METHODS.has(c.req.method)) return;
  if (authentication.via === 'token') {
    if (authentication.scope !== 'read-write') throw new CompactError('FORBIDDEN', 'this API token is read-only; create a read-write token to make changes');
    return;
  }
  const origin = c.req.header('origin');
  if (origin !== undefined && origin !== new URL(c.req.url).origin) {
    throw new CompactError('FORBIDDEN', `a change from another site (${origin}) is refused`);
  }
  const sent = c.req.header(CSRF_HEADER) ?? '';
  if (!sameText(sent, authentication.csrfToken)) {
    throw new CompactError('FORBIDDEN', `a change made with a session needs its CSRF token in the ${CSRF_HEADER} header (GET /api/auth/session gives it)`);
  }
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
