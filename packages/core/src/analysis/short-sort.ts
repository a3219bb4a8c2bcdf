// Sorting the many short lists of an analysis (a cell's providers and clauses, a year's
// unrenewed providers). Array.prototype.sort allocates its working state on every call, hundreds
// of bytes even for three elements, and a large analysis sorts tens of thousands of such lists;
// a short list is sorted here by insertion, which allocates nothing. Both are stable, so the
// order is the same.

/** Lists up to this length are sorted by insertion. */
const SHORT = 16;

/** Sorts `items` in place (as `items.sort(compare)`) and returns it. */
export function sortShort<T>(items: T[], compare: (a: T, b: T) => number): T[] {
  if (items.length > SHORT) return items.sort(compare);
  for (let i = 1; i < items.length; i++) {
    const item = items[i] as T;
    let j = i - 1;
    while (j >= 0 && compare(items[j] as T, item) > 0) {
      items[j + 1] = items[j] as T;
      j--;
    }
    items[j + 1] = item;
  }
  return items;
}

/** The order of `Array.prototype.sort` without a comparator, for strings: by UTF-16 code units. */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
