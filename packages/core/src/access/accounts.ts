import { z } from 'zod';
import type { Viewer } from './viewer.js';

/** The roles an account can hold; `public` is whoever has not signed in, never an account. */
export const ACCOUNT_ROLES = ['analyst', 'partner-officer', 'coalition-lead', 'coordinator', 'administrator'] as const;
export type AccountRole = (typeof ACCOUNT_ROLES)[number];

/** An account as everyone but the password check sees it: no hash ever leaves the store. */
export interface Account {
  readonly id: string;
  readonly username: string;
  readonly role: AccountRole;
  /** The partner a partner officer works for. */
  readonly partner: string | null;
  /** The coalitions a coalition lead is responsible for. */
  readonly coalitions: readonly string[];
  readonly disabled: boolean;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** Long enough to resist guessing; the upper bound keeps a hash request cheap to refuse. */
export const PasswordSchema = z
  .string()
  .min(12, 'must be at least 12 characters')
  .max(256, 'must be at most 256 characters');

export const UsernameSchema = z
  .string()
  .transform((name) => name.trim().toLowerCase())
  .pipe(z.string().regex(/^[a-z0-9][a-z0-9._@-]{1,63}$/, 'must be 2–64 letters, digits, or . _ @ -, starting with a letter or digit'));

const scopeFields = {
  partner: z.string().regex(/^[A-Z]{2,3}$/, 'must be a partner code such as GB').nullish(),
  coalitions: z.array(z.string().min(1)).max(50).optional(),
};

/** A new account, as an administrator (or `compact user create`) gives it. */
export const NewAccountSchema = z
  .strictObject({ username: UsernameSchema, password: PasswordSchema, role: z.enum(ACCOUNT_ROLES), ...scopeFields })
  .superRefine(requireScope);

/** What an administrator may change; the password here is a reset, not a change by its owner. */
export const AccountChangeSchema = z.strictObject({
  role: z.enum(ACCOUNT_ROLES).optional(),
  ...scopeFields,
  disabled: z.boolean().optional(),
  password: PasswordSchema.optional(),
});

export type NewAccount = z.input<typeof NewAccountSchema>;
export type AccountChange = z.input<typeof AccountChangeSchema>;

type ScopedAccount = { role?: AccountRole | undefined; partner?: string | null | undefined; coalitions?: readonly string[] | undefined };

/** A partner officer must name a partner, a coalition lead at least one coalition. */
export function scopeProblems(account: ScopedAccount): Array<{ field: 'partner' | 'coalitions'; message: string }> {
  const problems: Array<{ field: 'partner' | 'coalitions'; message: string }> = [];
  if (account.role === 'partner-officer' && !account.partner) problems.push({ field: 'partner', message: 'a partner officer needs a partner (e.g. GB)' });
  if (account.role === 'coalition-lead' && (account.coalitions ?? []).length === 0) {
    problems.push({ field: 'coalitions', message: 'a coalition lead needs at least one coalition' });
  }
  return problems;
}

function requireScope(account: ScopedAccount, context: z.RefinementCtx): void {
  for (const problem of scopeProblems(account)) context.addIssue({ code: 'custom', path: [problem.field], message: problem.message });
}

export const TOKEN_SCOPES = ['read', 'read-write'] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];

export const NewTokenSchema = z.strictObject({
  name: z.string().trim().min(1, 'must name what the token is for').max(100),
  scope: z.enum(TOKEN_SCOPES).default('read'),
  expiresInDays: z.number().int().min(1).max(366).optional(),
});
export type NewToken = z.input<typeof NewTokenSchema>;

/** The viewer a signed-in account reads and writes as. */
export function accountViewer(account: Account): Viewer {
  return {
    role: account.role,
    partner: account.role === 'partner-officer' ? (account.partner ?? undefined) : undefined,
    coalitions: account.role === 'coalition-lead' ? account.coalitions : undefined,
    actor: `user:${account.username}`,
    userId: account.id,
  };
}
