/**
 * 64-bit FNV-1a over UTF-16 code units, as 16 hex digits: a stable, cheap id where a crypto hash would cost more
 * than it protects (finding fingerprints for baselines, `duplicate-content` keys, config and lexicon cache keys;
 * collisions only matter between the few thousand items of one project).
 */
export function fingerprintHash(text: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ c ^ (h1 >>> 7), 0x5bd1e995) >>> 0;
  }
  return h1.toString(16).padStart(8, '0') + h2.toString(16).padStart(8, '0');
}
