import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';

/** The session cookie's name; the `__Host-` prefix would need Secure, which plain local HTTP lacks. */
export const SESSION_COOKIE = 'compact_session';
export const CSRF_HEADER = 'x-csrf-token';

/** Secure when the request came over HTTPS, or when the operator says a TLS proxy fronts us. */
function isSecure(c: Context, alwaysSecure: boolean): boolean {
  return alwaysSecure || new URL(c.req.url).protocol === 'https:';
}

export function readSessionCookie(c: Context): string | undefined {
  return getCookie(c, SESSION_COOKIE);
}

export function setSessionCookie(c: Context, sessionId: string, expiresAt: string, alwaysSecure: boolean): void {
  setCookie(c, SESSION_COOKIE, sessionId, {
    httpOnly: true,
    sameSite: 'Strict',
    secure: isSecure(c, alwaysSecure),
    path: '/',
    expires: new Date(expiresAt),
  });
}

export function clearSessionCookie(c: Context, alwaysSecure: boolean): void {
  deleteCookie(c, SESSION_COOKIE, { path: '/', secure: isSecure(c, alwaysSecure), httpOnly: true, sameSite: 'Strict' });
}
