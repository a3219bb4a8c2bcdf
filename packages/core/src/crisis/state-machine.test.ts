import { describe, expect, it } from 'vitest';
import { CompactError } from '../errors.js';
import { allowedActions, nextState, TRANSITIONS } from './state-machine.js';
import { REQUEST_ACTIONS, REQUEST_STATES } from './vocabulary.js';

const LEGAL: ReadonlyArray<[string, string, string]> = [
  ['draft', 'submit', 'submitted'],
  ['submitted', 'consult', 'consulting'],
  ['consulting', 'receive-offers', 'offers'],
  ['offers', 'allocate', 'allocated'],
  ['allocated', 'deliver', 'delivering'],
  ['delivering', 'close', 'closed'],
  ['draft', 'withdraw', 'withdrawn'],
  ['submitted', 'withdraw', 'withdrawn'],
  ['consulting', 'withdraw', 'withdrawn'],
  ['offers', 'withdraw', 'withdrawn'],
  ['allocated', 'withdraw', 'withdrawn'],
  ['delivering', 'withdraw', 'withdrawn'],
];

describe('crisis request state machine', () => {
  it.each(LEGAL)('%s --%s--> %s', (from, action, to) => {
    expect(nextState(from as never, action as never)).toBe(to);
  });

  const legal = new Set(LEGAL.map(([from, action]) => `${from}/${action}`));
  const illegal = REQUEST_STATES.flatMap((state) => REQUEST_ACTIONS.map((action) => [state, action] as const)).filter(([state, action]) => !legal.has(`${state}/${action}`));

  it('has exactly the legal transitions listed, and refuses the other 44', () => {
    expect(REQUEST_STATES.length * REQUEST_ACTIONS.length - illegal.length).toBe(LEGAL.length);
    expect(illegal).toHaveLength(44);
  });

  it.each(illegal)('refuses %s --%s-->', (state, action) => {
    let error: unknown;
    try {
      nextState(state, action);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(CompactError);
    expect((error as CompactError).code).toBe('ILLEGAL_TRANSITION');
    expect((error as CompactError).message).toContain(`a request that is ${state} cannot ${action}`);
    expect((error as CompactError).details).toMatchObject({ state, action, allowed: allowedActions(state) });
  });

  it('closed and withdrawn are final', () => {
    expect(allowedActions('closed')).toEqual([]);
    expect(allowedActions('withdrawn')).toEqual([]);
    expect(() => nextState('closed', 'withdraw')).toThrow(/it is final/);
  });

  it('every state but the final ones can be withdrawn', () => {
    expect(TRANSITIONS.withdraw.from).toEqual(REQUEST_STATES.filter((state) => state !== 'closed' && state !== 'withdrawn'));
  });
});
