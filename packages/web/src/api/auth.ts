import { send } from './client.js';
import { rememberCsrfToken } from './csrf.js';

export type AccountRole = 'analyst' | 'partner-officer' | 'coalition-lead' | 'coordinator' | 'administrator';
export const ACCOUNT_ROLES: readonly AccountRole[] = ['analyst', 'partner-officer', 'coalition-lead', 'coordinator', 'administrator'];

export interface Account {
  id: string;
  username: string;
  role: AccountRole;
  partner: string | null;
  coalitions: string[];
  disabled: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface SessionInfo {
  signedIn: boolean;
  via: 'session' | 'token' | 'anonymous';
  viewer: { role: AccountRole | 'public'; partner: string | null; coalitions: string[] };
  account: Account | null;
  csrfToken: string | null;
  expiresAt: string | null;
}

export interface ApiToken {
  id: string;
  userId: string;
  username: string;
  name: string;
  scope: 'read' | 'read-write';
  createdAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
  lastUsedAt: string | null;
}

export interface NewAccountInput {
  username: string;
  password: string;
  role: AccountRole;
  partner?: string | null;
  coalitions?: string[];
}

const jsonInit = (method: string, body?: unknown): RequestInit => ({
  method,
  headers: { Accept: 'application/json', ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
  ...(body === undefined ? {} : { body: JSON.stringify(body) }),
});

/** Sign-in, the session, one's password and tokens, and (administrators) accounts. */
export const authApi = {
  session: async (signal?: AbortSignal) => {
    const session = await send<SessionInfo>('/api/auth/session', { headers: { Accept: 'application/json' }, signal });
    rememberCsrfToken(session.csrfToken);
    return session;
  },
  signIn: async (username: string, password: string) => {
    const answer = await send<{ account: Account; csrfToken: string }>('/api/auth/login', jsonInit('POST', { username, password }));
    rememberCsrfToken(answer.csrfToken);
    return answer;
  },
  signOut: async () => {
    await send<unknown>('/api/auth/logout', jsonInit('POST'), true);
    rememberCsrfToken(null);
  },
  changePassword: (currentPassword: string, newPassword: string) =>
    send<unknown>('/api/auth/password', jsonInit('POST', { currentPassword, newPassword }), true),
  tokens: (signal?: AbortSignal) => send<{ items: ApiToken[] }>('/api/tokens', { headers: { Accept: 'application/json' }, signal }),
  createToken: (input: { name: string; scope: ApiToken['scope']; expiresInDays?: number }) =>
    send<ApiToken & { token: string }>('/api/tokens', jsonInit('POST', input)),
  revokeToken: (id: string) => send<ApiToken>(`/api/tokens/${encodeURIComponent(id)}`, jsonInit('DELETE')),
  users: (signal?: AbortSignal) => send<{ items: Account[] }>('/api/users', { headers: { Accept: 'application/json' }, signal }),
  createUser: (input: NewAccountInput) => send<Account>('/api/users', jsonInit('POST', input)),
  updateUser: (id: string, change: Partial<NewAccountInput> & { disabled?: boolean }) =>
    send<Account>(`/api/users/${encodeURIComponent(id)}`, jsonInit('PATCH', change)),
};
