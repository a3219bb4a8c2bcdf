import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.js';
import type { ProposalStatus } from '../../api/types.js';
import { agreementKeys, commitmentKeys } from '../agreements/queries.js';

export const textKeys = {
  documents: (agreementId: string) => [...agreementKeys.detail(agreementId), 'documents'] as const,
  proposalsAll: ['proposals'] as const,
  proposals: (filter: { agreementId?: string; status?: ProposalStatus }) =>
    [
      ...textKeys.proposalsAll,
      'list',
      { agreementId: filter.agreementId ?? null, status: filter.status ?? null },
    ] as const,
  compareAll: ['compare'] as const,
  compare: (a: string, b: string) => [...textKeys.compareAll, a, b] as const,
  categories: ['text', 'categories'] as const,
};

export function useDocuments(agreementId: string) {
  return useQuery({
    queryKey: textKeys.documents(agreementId),
    queryFn: ({ signal }) => api.documents(agreementId, signal),
  });
}

export function useProposals(filter: { agreementId?: string; status?: ProposalStatus }) {
  return useQuery({
    queryKey: textKeys.proposals(filter),
    queryFn: ({ signal }) => api.proposals(filter, signal),
    staleTime: 0,
  });
}

export function useComparison(a: string, b: string) {
  return useQuery({
    queryKey: textKeys.compare(a, b),
    queryFn: ({ signal }) => api.compare(a, b, signal),
    enabled: Boolean(a && b),
    staleTime: 0,
  });
}

export function useCategoryMatrix() {
  return useQuery({
    queryKey: textKeys.categories,
    queryFn: ({ signal }) => api.textCategories(signal),
    staleTime: 0,
  });
}

/** Everything an import or a decision can change: clauses, documents, proposals, commitments, comparisons. */
function useInvalidateTexts() {
  const client = useQueryClient();
  return (agreementId?: string) =>
    Promise.all([
      agreementId
        ? client.invalidateQueries({ queryKey: agreementKeys.clauses(agreementId) })
        : client.invalidateQueries({ queryKey: agreementKeys.details() }),
      agreementId ? client.invalidateQueries({ queryKey: textKeys.documents(agreementId) }) : undefined,
      client.invalidateQueries({ queryKey: textKeys.proposalsAll }),
      client.invalidateQueries({ queryKey: commitmentKeys.all }),
      client.invalidateQueries({ queryKey: textKeys.compareAll }),
      client.invalidateQueries({ queryKey: textKeys.categories }),
    ]);
}

export function useImportText(agreementId: string) {
  const invalidate = useInvalidateTexts();
  return useMutation({
    mutationFn: (file: File) => api.importText(agreementId, file),
    onSuccess: () => invalidate(agreementId),
  });
}

export type Decision =
  | { action: 'accept'; id: string; agreementId: string; version: number; draft?: Record<string, unknown> }
  | { action: 'reject'; id: string; agreementId: string; version: number; note?: string };

export function useDecision() {
  const invalidate = useInvalidateTexts();
  return useMutation({
    mutationFn: (decision: Decision) =>
      decision.action === 'accept'
        ? api.acceptProposal(decision.id, {
            version: decision.version,
            ...(decision.draft ? { draft: decision.draft } : {}),
          })
        : api.rejectProposal(decision.id, {
            version: decision.version,
            ...(decision.note ? { note: decision.note } : {}),
          }),
    onSuccess: (_result, decision) => invalidate(decision.agreementId),
  });
}
