import { describe, expect, it } from 'vitest';
import { initialLines, linesReducer, splitTags, toLineInput } from './lines.js';

describe('lines editor', () => {
  it('adds, edits and removes lines, keeping at least one', () => {
    let state = initialLines('2026-03-10');
    state = linesReducer(state, { type: 'add', neededBy: '2026-03-11' });
    expect(state.lines.map((line) => line.key)).toEqual([0, 1]);
    state = linesReducer(state, { type: 'set', key: 1, field: 'item', value: 'interceptor' });
    expect(state.lines[1]?.item).toBe('interceptor');
    expect(state.lines[0]?.item).toBe('');
    state = linesReducer(state, { type: 'remove', key: 0 });
    expect(state.lines.map((line) => line.key)).toEqual([1]);
    expect(linesReducer(state, { type: 'remove', key: 1 })).toBe(state);
  });

  it('gives new lines fresh keys after a reset', () => {
    const state = linesReducer(initialLines('2026-03-10'), { type: 'reset', neededBy: '2026-03-12' });
    expect(state.lines).toHaveLength(1);
    expect(state.lines[0]?.key).toBe(1);
    expect(state.lines[0]?.neededBy).toBe('2026-03-12');
  });

  it('sends the API a line with numbers and tags, leaving out empty optionals', () => {
    const [line] = initialLines('2026-03-10').lines;
    if (!line) throw new Error('no line');
    expect(
      toLineInput({ ...line, item: 'shell', quantity: '40', useTags: 'defensive, ,cross-border' }),
    ).toEqual({
      item: 'shell',
      unit: 'items',
      quantity: 40,
      neededBy: '2026-03-10',
      priority: 'high',
      useTags: ['defensive', 'cross-border'],
    });
    expect(toLineInput({ ...line, quantity: '', region: ' UA-43 ' })).toMatchObject({ region: 'UA-43' });
    expect(Number.isNaN(toLineInput({ ...line, quantity: '' }).quantity)).toBe(true);
    expect(splitTags('')).toEqual([]);
  });
});
