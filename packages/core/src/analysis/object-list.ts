// An empty array for objects (or strings, bigints, any values), made so that V8 already keeps it
// as an array of any values.
//
// A fresh `[]` starts as an array of small integers, and the first object pushed changes its
// kind. Code the optimising compiler made while the previous analysis's lists had changed kind
// already does not take an array of small integers: it is thrown away at that first push (and
// with it every function that inlined the push, up to the engine's constructor), and compiled
// again later. An analysis makes all its lists anew, so this happened in every run, and on one
// core the compiler's thread took its time from the analysis: the first runs of a process were
// some 15 % slower than later ones. A list made here never changes kind.

/** An empty list that objects are pushed onto without changing its kind (see above). */
export function objectList<T>(): T[] {
  const list: T[] = [null as T];
  list.pop();
  return list;
}
