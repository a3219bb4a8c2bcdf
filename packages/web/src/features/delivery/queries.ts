import { useQuery } from '@tanstack/react-query';
import { api, type DeliveryParams } from '../../api/client.js';

export const deliveryKeys = {
  all: ['delivery'] as const,
  totals: (params: DeliveryParams & { by: string }) => [...deliveryKeys.all, 'totals', params] as const,
  implementation: (params: DeliveryParams) => [...deliveryKeys.all, 'implementation', params] as const,
};

export function useDelivery(params: DeliveryParams & { by: string }) {
  return useQuery({ queryKey: deliveryKeys.totals(params), queryFn: ({ signal }) => api.delivery(params, signal), placeholderData: (previous) => previous });
}

export function useImplementation(params: DeliveryParams) {
  return useQuery({ queryKey: deliveryKeys.implementation(params), queryFn: ({ signal }) => api.implementation(params, signal), placeholderData: (previous) => previous });
}
