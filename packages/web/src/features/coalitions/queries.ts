import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.js';

export const coalitionKeys = {
  all: ['coalitions'] as const,
  list: () => [...coalitionKeys.all, 'list'] as const,
};

export function useCoalitions() {
  return useQuery({ queryKey: coalitionKeys.list(), queryFn: ({ signal }) => api.coalitions(signal) });
}
