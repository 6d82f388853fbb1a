/**
 * 64-bit FNV-1a over UTF-16 code units, as 16 hex digits: a stable, cheap id where a crypto hash would cost more
 * than it protects (finding fingerprints for baselines, `duplicate-content` keys, config and lexicon cache keys;
 * collisions only matter between the few thousand items of one project).
 */
export function fingerprintHash(text: string): string {
  const hasher = new FingerprintHasher();
  for (let i = 0; i < text.length; i++) hasher.add(text.charCodeAt(i));
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

  digest(): string {
    return this.h1.toString(16).padStart(8, '0') + this.h2.toString(16).padStart(8, '0');
  }
}
