/**
 * Memoises a pure text → result function over the last few hundred distinct texts. Dozens of rules ask for the
 * parameters, words or emoji of the same body; computing them once per text keeps the rule set cheap. Results
 * are shared between rules and typed `readonly`: never mutate them (copy first).
 */
export function memoText<T>(compute: (text: string) => readonly T[], capacity = 256): (text: string) => readonly T[] {
  const cache = new Map<string, readonly T[]>();
  // The rules of one draft ask in turn about its few texts, mostly the very same string objects: the last answers
  // are checked first by plain comparison, which skips hashing and the map.
  let lastText: string | undefined;
  let lastResult: readonly T[] = [];
  let previousText: string | undefined;
  let previousResult: readonly T[] = [];
  return (text: string) => {
    if (text === lastText) return lastResult;
    let result: readonly T[] | undefined;
    if (text === previousText) result = previousResult;
    else {
      result = cache.get(text);
      if (result === undefined) {
        result = compute(text);
        if (cache.size >= capacity) cache.clear();
        cache.set(text, result);
      }
    }
    previousText = lastText;
    previousResult = lastResult;
    lastText = text;
    lastResult = result;
    return result;
  };
}
