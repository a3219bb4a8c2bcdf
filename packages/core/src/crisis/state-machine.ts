import { CompactError } from '../errors.js';
import type { RequestAction, RequestState } from './vocabulary.js';

/**
 * The crisis request's life: draft → submitted → consulting → offers → allocated → delivering →
 * closed, or withdrawn from any state before closed. Each action names the one state it leads to
 * and the states it may start from; nothing else is allowed.
 */
export const TRANSITIONS: Readonly<Record<RequestAction, { readonly from: readonly RequestState[]; readonly to: RequestState }>> = {
  submit: { from: ['draft'], to: 'submitted' },
  consult: { from: ['submitted'], to: 'consulting' },
  'receive-offers': { from: ['consulting'], to: 'offers' },
  allocate: { from: ['offers'], to: 'allocated' },
  deliver: { from: ['allocated'], to: 'delivering' },
  close: { from: ['delivering'], to: 'closed' },
  withdraw: { from: ['draft', 'submitted', 'consulting', 'offers', 'allocated', 'delivering'], to: 'withdrawn' },
};

/** The actions allowed from a state, in the order a user would take them. */
export function allowedActions(state: RequestState): RequestAction[] {
  return (Object.keys(TRANSITIONS) as RequestAction[]).filter((action) => TRANSITIONS[action].from.includes(state));
}

/** The state after `action`, or a 409 ILLEGAL_TRANSITION naming what is allowed instead. */
export function nextState(state: RequestState, action: RequestAction): RequestState {
  const transition = TRANSITIONS[action];
  if (!transition.from.includes(state)) {
    const allowed = allowedActions(state);
    throw new CompactError(
      'ILLEGAL_TRANSITION',
      `a request that is ${state} cannot ${action}; ${allowed.length ? `allowed: ${allowed.join(', ')}` : 'it is final'}`,
      '$.action',
      undefined,
      { state, action, allowed },
    );
  }
  return transition.to;
}
