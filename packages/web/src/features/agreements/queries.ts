import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.js';

export const agreementKeys = {
  all: ['agreements'] as const,
  lists: () => [...agreementKeys.all, 'list'] as const,
  /** Without a date the API answers with every agreement and its current status. */
  list: (asOf?: string) => [...agreementKeys.lists(), { asOf: asOf ?? null }] as const,
  details: () => [...agreementKeys.all, 'detail'] as const,
  detail: (id: string) => [...agreementKeys.details(), id] as const,
  clauses: (id: string) => [...agreementKeys.detail(id), 'clauses'] as const,
};

export const commitmentKeys = {
  all: ['commitments'] as const,
  list: (filter: { agreementId?: string } = {}) => [...commitmentKeys.all, 'list', filter] as const,
};

export function useAgreements(asOf?: string) {
  return useQuery({
    queryKey: agreementKeys.list(asOf),
    queryFn: ({ signal }) => api.agreements({ asOf }, signal),
    // Keep the previous date's rows on screen while the next date loads.
    placeholderData: (previous) => previous,
  });
}

export function useAgreement(id: string) {
  return useQuery({ queryKey: agreementKeys.detail(id), queryFn: ({ signal }) => api.agreement(id, signal) });
}

export function useClauses(agreementId: string) {
  return useQuery({
    queryKey: agreementKeys.clauses(agreementId),
    queryFn: ({ signal }) => api.clauses(agreementId, signal),
  });
}

export function useCommitments(filter: { agreementId?: string } = {}) {
  return useQuery({
    queryKey: commitmentKeys.list(filter),
    queryFn: ({ signal }) => api.commitments(filter, signal),
  });
}
