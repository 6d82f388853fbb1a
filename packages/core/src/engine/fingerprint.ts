/**
 * 64-bit FNV-1a over UTF-16 code units, as 16 hex digits: a stable, cheap id where a crypto hash would cost more
 * than it protects (finding fingerprints for baselines, `duplicate-content` keys, config and lexicon cache keys;
 * collisions only matter between the few thousand items of one project).
 */
export function fingerprintHash(text: string): string {
  const hasher = new FingerprintHasher();
  hasher.addRange(text, 0, text.length);
  return hasher.digest();
}

/**
 * `fingerprintHash` fed one code unit at a time: the same digest as hashing the whole text, for callers that hash
 * a text they would otherwise first build (`duplicate-content` hashes a normalised body as it reads it).
 */
export class FingerprintHasher {
  private h1 = 0x811c9dc5;
  private h2 = 0x01000193;

  add(code: number): void {
    this.h1 = Math.imul(this.h1 ^ code, 0x01000193) >>> 0;
    this.h2 = Math.imul(this.h2 ^ code ^ (this.h1 >>> 7), 0x5bd1e995) >>> 0;
  }

  /** `add` for each code unit of `text[start, end)` (the same steps, in local variables). */
  addRange(text: string, start: number, end: number): void {
    let h1 = this.h1;
    let h2 = this.h2;
    for (let i = start; i < end; i++) {
      const c = text.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
      h2 = Math.imul(h2 ^ c ^ (h1 >>> 7), 0x5bd1e995) >>> 0;
    }
    this.h1 = h1;
    this.h2 = h2;
  }

  digest(): string {
    return this.h1.toString(16).padStart(8, '0') + this.h2.toString(16).padStart(8, '0');
  }
}
