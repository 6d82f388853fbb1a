/**
 * Memoises a pure text → result function over the last few hundred distinct texts. Dozens of rules ask for the
 * parameters, words or emoji of the same body; computing them once per text keeps the rule set cheap. Results
 * are shared between rules and typed `readonly`: never mutate them (copy first).
 */
export function memoText<R>(compute: (text: string) => R, capacity = 256): (text: string) => R {
  const cache = new Map<string, R>();
  // The rules of one draft ask in turn about its few texts, mostly the very same string objects: the last answers
  // are checked first by plain comparison, which skips hashing and the map.
  let lastText: string | undefined;
  let lastResult: R | undefined;
  let previousText: string | undefined;
  let previousResult: R | undefined;
  return (text: string) => {
    if (text === lastText) return lastResult as R;
    let result: R | undefined;
    if (text === previousText) result = previousResult as R;
    else {
      result = cache.get(text);
      if (result === undefined && !cache.has(text)) {
        result = compute(text);
        if (cache.size >= capacity) cache.clear();
        cache.set(text, result as R);
      }
    }
    previousText = lastText;
    previousResult = lastResult;
    lastText = text;
    lastResult = result;
    return result as R;
  };
}
