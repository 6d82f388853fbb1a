/**
 * Memoises a pure text → result function over the last few hundred distinct texts. Dozens of rules ask for the
 * parameters, words or emoji of the same body; computing them once per text keeps the rule set cheap. Results
 * are frozen: a rule that tried to mutate a shared result would fail loudly in tests, not corrupt other rules.
 */
export function memoText<T>(compute: (text: string) => readonly T[], capacity = 256): (text: string) => readonly T[] {
  const cache = new Map<string, readonly T[]>();
  return (text: string) => {
    let result = cache.get(text);
    if (result === undefined) {
      result = Object.freeze(compute(text).map((item) => (typeof item === 'object' && item !== null ? Object.freeze(item) : item)));
      if (cache.size >= capacity) cache.clear();
      cache.set(text, result);
    }
    return result;
  };
}
