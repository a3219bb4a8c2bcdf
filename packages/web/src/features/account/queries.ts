import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { authApi, type NewAccountInput } from '../../api/auth.js';

export const SESSION_KEY = ['session'] as const;

export function useSession() {
  return useQuery({ queryKey: SESSION_KEY, queryFn: ({ signal }) => authApi.session(signal), staleTime: 60_000 });
}

/** Signing in or out changes what every view may show: all data is fetched again. */
function useReloadEverything() {
  const client = useQueryClient();
  return () => client.resetQueries();
}

export function useSignIn() {
  const reload = useReloadEverything();
  return useMutation({
    mutationFn: ({ username, password }: { username: string; password: string }) => authApi.signIn(username, password),
    onSuccess: reload,
  });
}

export function useSignOut() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => authApi.signOut(),
    // The session first: views that need an account (tokens, accounts) unmount while it reloads,
    // so they are not asked for again, and refused, in the moment before the page moves on.
    onSuccess: async () => {
      await client.resetQueries({ queryKey: SESSION_KEY });
      await client.resetQueries();
    },
  });
}

export function useChangePassword() {
  return useMutation({
    mutationFn: ({ currentPassword, newPassword }: { currentPassword: string; newPassword: string }) =>
      authApi.changePassword(currentPassword, newPassword),
  });
}

export function useTokens(enabled: boolean) {
  return useQuery({ queryKey: ['tokens'], queryFn: ({ signal }) => authApi.tokens(signal), enabled });
}

export function useCreateToken() {
  const client = useQueryClient();
  return useMutation({ mutationFn: authApi.createToken, onSuccess: () => client.invalidateQueries({ queryKey: ['tokens'] }) });
}

export function useRevokeToken() {
  const client = useQueryClient();
  return useMutation({ mutationFn: authApi.revokeToken, onSuccess: () => client.invalidateQueries({ queryKey: ['tokens'] }) });
}

export function useUsers(enabled: boolean) {
  return useQuery({ queryKey: ['users'], queryFn: ({ signal }) => authApi.users(signal), enabled });
}

export function useCreateUser() {
  const client = useQueryClient();
  return useMutation({ mutationFn: (input: NewAccountInput) => authApi.createUser(input), onSuccess: () => client.invalidateQueries({ queryKey: ['users'] }) });
}

export function useSetDisabled() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, disabled }: { id: string; disabled: boolean }) => authApi.updateUser(id, { disabled }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['users'] }),
  });
}
