import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { FairShareKey } from '@compact/core';
import { api, type DeliveryParams } from '../../api/client.js';

export const coalitionKeys = {
  all: ['coalitions'] as const,
  list: () => [...coalitionKeys.all, 'list'] as const,
  one: (id: string) => [...coalitionKeys.all, 'one', id] as const,
  roadmap: (id: string, params: DeliveryParams) => [...coalitionKeys.all, 'roadmap', id, params] as const,
};

export function useCoalitions() {
  return useQuery({ queryKey: coalitionKeys.list(), queryFn: ({ signal }) => api.coalitions(signal) });
}

export function useCoalition(id: string) {
  return useQuery({ queryKey: coalitionKeys.one(id), queryFn: ({ signal }) => api.coalition(id, signal) });
}

export function useCoalitionRoadmap(id: string, params: DeliveryParams) {
  return useQuery({
    queryKey: coalitionKeys.roadmap(id, params),
    queryFn: ({ signal }) => api.coalitionRoadmap(id, params, signal),
    placeholderData: (previous) => previous,
  });
}

export function useSetFairShareKey(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ key, version }: { key: FairShareKey; version: number }) => api.setFairShareKey(id, key, version),
    onSuccess: () => client.invalidateQueries({ queryKey: coalitionKeys.all }),
  });
}
