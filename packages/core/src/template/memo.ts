/**
 * Memoises a pure text → result function over the last four texts and the last few hundred short ones (up to
 * MAX_SHARED_LENGTH characters). Dozens of rules ask for the parameters, words or emoji of the same body; computing
 * them once per text keeps the rule set cheap. Results are shared between rules and typed `readonly`: never mutate
 * them (copy first).
 */
export function memoText<R>(compute: (text: string) => R, capacity = 256): (text: string) => R {
  const cache = new Map<string, R>();
  // The rules of one draft ask in turn about its few texts, mostly the very same string objects: the last answers
  // are checked first by plain comparison, which skips hashing and the map. The map keeps only short texts (footers,
  // button labels, example values repeat across drafts; a body practically never does, and storing every body cost
  // more in map upkeep and garbage collection than it saved).
  const recentTexts: (string | undefined)[] = [undefined, undefined, undefined, undefined];
  const recentResults: (R | undefined)[] = [undefined, undefined, undefined, undefined];
  let next = 0;
  return (text: string) => {
    for (let k = 0; k < 4; k++) if (recentTexts[k] === text) return recentResults[k] as R;
    let result: R | undefined;
    if (text.length > MAX_SHARED_LENGTH) result = compute(text);
    else {
      result = cache.get(text);
      if (result === undefined && !cache.has(text)) {
        result = compute(text);
        if (cache.size >= capacity) cache.clear();
        cache.set(text, result as R);
      }
    }
    recentTexts[next] = text;
    recentResults[next] = result;
    next = (next + 1) & 3;
    return result as R;
  };
}

/** Texts longer than this are remembered only among the last four. */
const MAX_SHARED_LENGTH = 80;
