import type { CrisisRequestInput } from '@compact/core';

export const PRIORITIES = ['critical', 'high', 'medium', 'low'] as const;
export type Priority = (typeof PRIORITIES)[number];

/** One line of the "Raise a request" form, as typed. */
export interface LineDraft {
  key: number;
  item: string;
  unit: string;
  quantity: string;
  neededBy: string;
  priority: Priority;
  /** Comma-separated. */
  useTags: string;
  region: string;
}

export type LineField = Exclude<keyof LineDraft, 'key'>;

export interface LinesState {
  next: number;
  lines: LineDraft[];
}

export type LinesAction =
  | { type: 'add'; neededBy: string }
  | { type: 'remove'; key: number }
  | { type: 'set'; key: number; field: LineField; value: string }
  | { type: 'reset'; neededBy: string };

export function emptyLine(key: number, neededBy: string): LineDraft {
  return { key, item: '', unit: 'items', quantity: '1', neededBy, priority: 'high', useTags: '', region: '' };
}

export function initialLines(neededBy: string): LinesState {
  return { next: 1, lines: [emptyLine(0, neededBy)] };
}

/** The lines editor: add, remove (never the last line), edit one field. */
export function linesReducer(state: LinesState, action: LinesAction): LinesState {
  switch (action.type) {
    case 'add':
      return { next: state.next + 1, lines: [...state.lines, emptyLine(state.next, action.neededBy)] };
    case 'remove':
      if (state.lines.length <= 1) return state;
      return { ...state, lines: state.lines.filter((line) => line.key !== action.key) };
    case 'set':
      return {
        ...state,
        lines: state.lines.map((line) =>
          line.key === action.key ? { ...line, [action.field]: action.value } : line,
        ),
      };
    case 'reset':
      return { next: state.next + 1, lines: [emptyLine(state.next, action.neededBy)] };
  }
}

/** "a, b ,, c" → ["a", "b", "c"]. */
export function splitTags(value: string): string[] {
  return value
    .split(',')
    .map((tag) => tag.trim())
    .filter(Boolean);
}

type LineInput = CrisisRequestInput['lines'][number];

/** A typed line as the API takes it; the API checks the values and names the field it refuses. */
export function toLineInput(line: LineDraft): LineInput {
  const tags = splitTags(line.useTags);
  const quantity = line.quantity.trim() === '' ? Number.NaN : Number(line.quantity);
  return {
    item: line.item,
    unit: line.unit,
    // Not a number travels as null, which the API refuses with a message at the field.
    quantity,
    neededBy: line.neededBy,
    priority: line.priority,
    ...(tags.length ? { useTags: tags } : {}),
    ...(line.region.trim() ? { region: line.region.trim() } : {}),
  };
}
