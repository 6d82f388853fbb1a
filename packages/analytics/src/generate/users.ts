// Simulated WhatsApp users. Only the language and three behaviour flags are stored (2 bytes per user); phone number,
// BSUID, display name and username are pure functions of the user index and the seed, recomputed when emitted, so
// 3.3M users (10M messages) cost a few MB.
import { LANGUAGES } from './lexicon.js';
import { mix32, type Rng } from './prng.js';

/** Phone omitted from statuses, inbound and user_preferences; identified by BSUID only. */
export const USERNAME_USER = 1;
/** Never produces `read` statuses. */
export const RECEIPTS_OFF = 2;
/** May produce `delivered` after `failed`. */
export const MULTI_DEVICE = 4;

// Multipliers coprime with 10, so u -> (u * M + offset) mod 10^k is injective for u < 10^k: distinct users get distinct
// subscriber numbers and BSUID suffixes without a set of used numbers.
const PHONE_MUL = 7654321;
const BSUID_MUL = 48271;

export class Users {
  readonly lang: Uint8Array;
  readonly flags: Uint8Array;
  /** User indices by language index, for picking a recipient who speaks the template's language. */
  readonly byLang: Int32Array[];
  private readonly saltArea: number;
  private readonly saltName: number;
  private readonly saltBsuid: number;
  private readonly phoneOffset: number;
  private readonly bsuidOffset: number;

  constructor(readonly count: number, langWeights: readonly number[], rng: Rng) {
    if (count > 10_000_000) throw new Error('generate: at most 10,000,000 users (30M messages)');
    this.saltArea = rng.u32();
    this.saltName = rng.u32();
    this.saltBsuid = rng.u32();
    this.phoneOffset = rng.int(0, 9_999_999);
    this.bsuidOffset = rng.int(0, 99_999_999);
    this.lang = new Uint8Array(count);
    this.flags = new Uint8Array(count);
    const total = langWeights.reduce((a, b) => a + b, 0);
    const perLang = new Int32Array(LANGUAGES.length);
    // The first users cover every language that is sent, so each language has at least one recipient.
    const live = langWeights.map((w, i) => (w > 0 ? i : -1)).filter((i) => i >= 0);
    for (let u = 0; u < count; u++) {
      const l = u < live.length ? live[u]! : rng.weighted(langWeights, total);
      this.lang[u] = l;
      perLang[l]!++;
      let f = 0;
      if (rng.chance(0.03)) f |= USERNAME_USER;
      if (rng.chance(0.15)) f |= RECEIPTS_OFF;
      if (rng.chance(0.05)) f |= MULTI_DEVICE;
      this.flags[u] = f;
    }
    this.byLang = Array.from(perLang, (n) => new Int32Array(n));
    const fill = new Int32Array(LANGUAGES.length);
    for (let u = 0; u < count; u++) {
      const l = this.lang[u]!;
      this.byLang[l]![fill[l]!++] = u;
    }
  }

  isUsername(u: number): boolean {
    return (this.flags[u]! & USERNAME_USER) !== 0;
  }

  /** E.164 digits without `+` (what WhatsApp puts in recipient_id / wa_id / from). */
  phone(u: number): string {
    const lang = LANGUAGES[this.lang[u]!]!;
    const area = lang.areas[mix32(u ^ this.saltArea) % lang.areas.length]!;
    const mod = 10 ** lang.subscriberDigits;
    const sub = (u * PHONE_MUL + this.phoneOffset) % mod;
    return lang.dial + area + String(sub).padStart(lang.subscriberDigits, '0');
  }

  /** Business-scoped user id, `<CC>.<16 digits>`, present for every user. */
  bsuid(u: number): string {
    const lang = LANGUAGES[this.lang[u]!]!;
    const head = 10_000_000 + (mix32(u ^ this.saltBsuid) % 90_000_000);
    const tail = (u * BSUID_MUL + this.bsuidOffset) % 100_000_000;
    return `${lang.country}.${head}${String(tail).padStart(8, '0')}`;
  }

  name(u: number): string {
    const lang = LANGUAGES[this.lang[u]!]!;
    const h = mix32(u ^ this.saltName);
    return `${lang.firstNames[h % lang.firstNames.length]!} ${lang.lastNames[(h >>> 8) % lang.lastNames.length]!}`;
  }

  /** `@handle` of a username user. */
  username(u: number): string {
    const first = this.name(u).split(' ')[0]!.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
    return `@${first}.${(mix32(u ^ this.saltName ^ 0x5bd1e995) % 9000) + 1000}`;
  }
}
