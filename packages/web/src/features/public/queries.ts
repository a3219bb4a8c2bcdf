import { useQuery } from '@tanstack/react-query';
import { publicApi } from '../../api/publicClient.js';

// The portal's queries: the public API only, under their own keys, so a signed-in reader's
// registry answers (which may hold restricted records) never stand in for public ones.

export const publicKeys = {
  all: ['public'] as const,
  index: () => [...publicKeys.all, 'index'] as const,
  summary: (asOf: string) => [...publicKeys.all, 'summary', asOf] as const,
  collection: (kind: 'agreements' | 'partners' | 'commitments' | 'coalitions' | 'requirements') =>
    [...publicKeys.all, 'collection', kind] as const,
  agreement: (id: string) => [...publicKeys.all, 'agreement', id] as const,
  peaceFormula: () => [...publicKeys.all, 'peace-formula'] as const,
  analysis: (asOf: string) => [...publicKeys.all, 'analysis', asOf] as const,
  changes: (since: string) => [...publicKeys.all, 'changes', since] as const,
  openApi: () => [...publicKeys.all, 'openapi'] as const,
};

export function usePublicIndex() {
  return useQuery({ queryKey: publicKeys.index(), queryFn: ({ signal }) => publicApi.index(signal) });
}

export function usePublicSummary(asOf: string) {
  return useQuery({
    queryKey: publicKeys.summary(asOf),
    queryFn: ({ signal }) => publicApi.summary(asOf, signal),
    // The slider asks for other days: the last day's figures stay until the next arrive.
    placeholderData: (previous) => previous,
  });
}

/** Every public agreement as a plain record; its status on a day is computed where it is shown. */
export function usePublicAgreements() {
  return useQuery({ queryKey: publicKeys.collection('agreements'), queryFn: ({ signal }) => publicApi.agreements(signal) });
}

export function usePublicPartners() {
  return useQuery({ queryKey: publicKeys.collection('partners'), queryFn: ({ signal }) => publicApi.partners(signal) });
}

export function usePublicCommitments() {
  return useQuery({
    queryKey: publicKeys.collection('commitments'),
    queryFn: ({ signal }) => publicApi.commitments(signal),
  });
}

export function usePublicCoalitions() {
  return useQuery({ queryKey: publicKeys.collection('coalitions'), queryFn: ({ signal }) => publicApi.coalitions(signal) });
}

export function usePublicRequirements() {
  return useQuery({
    queryKey: publicKeys.collection('requirements'),
    queryFn: ({ signal }) => publicApi.requirements(signal),
  });
}

export function usePublicAgreement(id: string) {
  return useQuery({ queryKey: publicKeys.agreement(id), queryFn: ({ signal }) => publicApi.agreement(id, signal) });
}

export function usePeaceFormula() {
  return useQuery({ queryKey: publicKeys.peaceFormula(), queryFn: ({ signal }) => publicApi.peaceFormula(signal) });
}

export function usePublicAnalysis(asOf: string) {
  return useQuery({
    queryKey: publicKeys.analysis(asOf),
    queryFn: ({ signal }) => publicApi.analysis(asOf, signal),
    placeholderData: (previous) => previous,
  });
}

/** Asked for only once the reader has chosen a date. */
export function usePublicChanges(since: string | null) {
  return useQuery({
    enabled: since !== null,
    queryKey: publicKeys.changes(since ?? ''),
    queryFn: ({ signal }) => publicApi.changes(since ?? '', signal),
  });
}

export function usePublicOpenApi() {
  return useQuery({ queryKey: publicKeys.openApi(), queryFn: ({ signal }) => publicApi.openApi(signal) });
}
