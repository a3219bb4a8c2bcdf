/**
 * The session's CSRF token, which every change made with a session must echo in a header. It
 * comes with the sign-in and with GET /api/auth/session; `undefined` means not asked yet.
 */
let token: string | null | undefined;

export const CSRF_HEADER = 'X-CSRF-Token';

export function rememberCsrfToken(value: string | null): void {
  token = value;
}

export async function csrfToken(): Promise<string | null> {
  if (token === undefined) {
    const response = await fetch('/api/auth/session', { headers: { Accept: 'application/json' } }).catch(() => undefined);
    const body = (await response?.json().catch(() => undefined)) as { csrfToken?: string | null } | undefined;
    token = body?.csrfToken ?? null;
  }
  return token;
}
