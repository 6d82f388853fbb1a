/**
 * Memoises a pure text → result function over the last few hundred distinct texts. Dozens of rules ask for the
 * parameters, words or emoji of the same body; computing them once per text keeps the rule set cheap. Results
 * are shared between rules and typed `readonly`: never mutate them (copy first).
 */
export function memoText<T>(compute: (text: string) => readonly T[], capacity = 256): (text: string) => readonly T[] {
  const cache = new Map<string, readonly T[]>();
  return (text: string) => {
    let result = cache.get(text);
    if (result === undefined) {
      result = compute(text);
      if (cache.size >= capacity) cache.clear();
      cache.set(text, result);
    }
    return result;
  };
}
