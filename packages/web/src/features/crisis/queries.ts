import { useMutation, useQuery, useQueryClient, type QueryKey } from '@tanstack/react-query';
import type {
  AllocationInput,
  CrisisEventInput,
  CrisisRequestInput,
  OfferInput,
  RequestAction,
} from '@compact/core';
import { crisisApi } from '../../api/client.js';

export const crisisKeys = {
  all: ['crisis'] as const,
  events: () => [...crisisKeys.all, 'events'] as const,
  event: (id: string) => [...crisisKeys.events(), id] as const,
  requests: () => [...crisisKeys.all, 'requests'] as const,
  request: (id: string) => [...crisisKeys.requests(), id] as const,
  offers: (requestId: string) => [...crisisKeys.request(requestId), 'offers'] as const,
  allocations: (requestId: string) => [...crisisKeys.request(requestId), 'allocations'] as const,
  notifications: ['notifications'] as const,
};

/** A message of GET /api/live: ids only; the page refetches what changed with its own rights. */
export interface LiveMessage {
  topic: string;
  id: string;
  eventId?: string;
  requestId?: string;
  at?: string;
}

/** The queries a live message makes stale. Prefix keys: a request's key covers its offers and allocations. */
export function keysForLiveMessage(message: LiveMessage): QueryKey[] {
  const event = message.eventId ? [crisisKeys.event(message.eventId)] : [crisisKeys.events()];
  const request = message.requestId ? [crisisKeys.request(message.requestId)] : [];
  switch (message.topic) {
    case 'ready':
      // A (re)connection: whatever changed while the stream was down is unknown.
      return [crisisKeys.all, crisisKeys.notifications];
    case 'event.declared':
      return [crisisKeys.events()];
    case 'consultation.held':
      return event;
    case 'consultation.overdue':
      return [...event, crisisKeys.notifications];
    case 'request.changed':
    case 'offer.received':
    case 'allocation.proposed':
      return [...request, ...event];
    case 'notification':
      return [crisisKeys.notifications];
    default:
      return [];
  }
}

export function useCrisisEvents() {
  return useQuery({ queryKey: crisisKeys.events(), queryFn: ({ signal }) => crisisApi.events(signal) });
}

export function useCrisisEvent(id: string) {
  return useQuery({ queryKey: crisisKeys.event(id), queryFn: ({ signal }) => crisisApi.event(id, signal) });
}

export function useCrisisRequest(id: string) {
  return useQuery({
    queryKey: crisisKeys.request(id),
    queryFn: ({ signal }) => crisisApi.request(id, signal),
  });
}

export function useOffers(requestId: string) {
  return useQuery({
    queryKey: crisisKeys.offers(requestId),
    queryFn: ({ signal }) => crisisApi.offers(requestId, signal),
  });
}

export function useAllocations(requestId: string) {
  return useQuery({
    queryKey: crisisKeys.allocations(requestId),
    queryFn: ({ signal }) => crisisApi.allocations(requestId, signal),
  });
}

/** Overdue-consultation notifications; live messages refresh them, a slow poll covers a lost stream. */
export function useNotifications() {
  return useQuery({
    queryKey: crisisKeys.notifications,
    queryFn: ({ signal }) => crisisApi.notifications(signal),
    refetchInterval: 60_000,
  });
}

export function useDeclareEvent() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: CrisisEventInput) => crisisApi.declareEvent(input),
    onSuccess: (detail) => {
      client.setQueryData(crisisKeys.event(detail.event.id), detail);
      return client.invalidateQueries({ queryKey: crisisKeys.events(), exact: true });
    },
  });
}

export function useHoldConsultation(eventId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (consultationId: string) => crisisApi.holdConsultation(consultationId),
    onSuccess: () => client.invalidateQueries({ queryKey: crisisKeys.event(eventId) }),
  });
}

export function useCreateRequest() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: CrisisRequestInput) => crisisApi.createRequest(input),
    onSuccess: (request) => client.invalidateQueries({ queryKey: crisisKeys.event(request.eventId) }),
  });
}

export function useTransition(requestId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { action: RequestAction; version: number }) => crisisApi.transition(requestId, body),
    onSuccess: (request) => {
      client.setQueryData(crisisKeys.request(requestId), request);
      return client.invalidateQueries({ queryKey: crisisKeys.event(request.eventId) });
    },
    // A 409 (someone moved the request first, or a stale version): show the request as it is now.
    onError: () => client.invalidateQueries({ queryKey: crisisKeys.request(requestId) }),
  });
}

export function useAddOffer(requestId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: OfferInput) => crisisApi.addOffer(requestId, input),
    onSuccess: () => client.invalidateQueries({ queryKey: crisisKeys.request(requestId) }),
  });
}

export function useSolve(requestId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: AllocationInput) => crisisApi.solve(requestId, input),
    onSuccess: () => client.invalidateQueries({ queryKey: crisisKeys.allocations(requestId) }),
  });
}

export function useDecide(requestId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (allocationId: string) => crisisApi.decide(requestId, allocationId),
    onSuccess: () => client.invalidateQueries({ queryKey: crisisKeys.request(requestId) }),
  });
}
