import { describe, expect, it } from 'vitest';
import { crisisKeys, keysForLiveMessage } from './queries.js';

describe('live messages', () => {
  it('refresh the request (with its offers) and its event when an offer arrives', () => {
    expect(keysForLiveMessage({ topic: 'offer.received', id: 'o', requestId: 'r', eventId: 'e' })).toEqual([
      crisisKeys.request('r'),
      crisisKeys.event('e'),
    ]);
    expect(crisisKeys.offers('r').slice(0, crisisKeys.request('r').length)).toEqual([
      ...crisisKeys.request('r'),
    ]);
  });

  it('refresh the notifications when a consultation is overdue', () => {
    expect(keysForLiveMessage({ topic: 'consultation.overdue', id: 'c', eventId: 'e' })).toEqual([
      crisisKeys.event('e'),
      crisisKeys.notifications,
    ]);
  });

  it('refresh the event list on a declaration and ignore unknown topics', () => {
    expect(keysForLiveMessage({ topic: 'event.declared', id: 'e', eventId: 'e' })).toEqual([
      crisisKeys.events(),
    ]);
    expect(keysForLiveMessage({ topic: 'something.else', id: '' })).toEqual([]);
  });

  it('refresh everything on a (re)connection, since messages sent meanwhile were missed', () => {
    expect(keysForLiveMessage({ topic: 'ready', id: '' })).toEqual([
      crisisKeys.all,
      crisisKeys.notifications,
    ]);
  });
});
