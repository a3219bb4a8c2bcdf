import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.js';

export const rateKeys = {
  all: ['exchange-rates'] as const,
  list: () => [...rateKeys.all, 'list'] as const,
};

export function useExchangeRates() {
  return useQuery({ queryKey: rateKeys.list(), queryFn: ({ signal }) => api.exchangeRates(signal) });
}
