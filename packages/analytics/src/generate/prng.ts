// Deterministic randomness for the generator. Everything random derives from one seed: the root Rng is seeded from
// it and every module takes its own stream with `fork()`, so adding a draw in one module does not shift the draws of
// another (the fixtures stay stable when one part of the simulation changes).
//
// xoshiro128** (Blackman & Vigna) on 32-bit integers: fast in V8 (Math.imul, no BigInt) and identical on every
// platform, unlike Math.random.

/** Seeds the xoshiro state: consecutive seeds must not give correlated streams. */
function splitmix32(state: number): [number, number] {
  const next = (state + 0x9e3779b9) | 0;
  let z = next;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  z ^= z >>> 16;
  return [next, z >>> 0];
}

const TWO_32 = 4294967296;

export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    let s = seed | 0;
    const out: number[] = [];
    for (let i = 0; i < 4; i++) {
      const [next, value] = splitmix32(s);
      s = next;
      out.push(value);
    }
    this.a = out[0]!;
    this.b = out[1]!;
    this.c = out[2]!;
    this.d = out[3]!;
    // An all-zero state would only ever produce zeros.
    if ((this.a | this.b | this.c | this.d) === 0) this.a = 1;
  }

  /** Uniform unsigned 32-bit integer. */
  u32(): number {
    const result = Math.imul(rotl(Math.imul(this.b, 5), 7), 9) >>> 0;
    const t = this.b << 9;
    this.c ^= this.a;
    this.d ^= this.b;
    this.b ^= this.c;
    this.a ^= this.d;
    this.c ^= t;
    this.d = rotl(this.d, 11);
    return result;
  }

  /** Uniform in [0, 1). */
  float(): number {
    return this.u32() / TWO_32;
  }

  /** Uniform integer in [lo, hi] (both inclusive). */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.float() * (hi - lo + 1));
  }

  chance(p: number): boolean {
    return this.float() < p;
  }

  /** Uniform float in [lo, hi). */
  range(lo: number, hi: number): number {
    return lo + this.float() * (hi - lo);
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('Rng.pick on an empty list');
    return items[Math.floor(this.float() * items.length)]!;
  }

  /** Standard normal (Box-Muller; one value per call keeps the stream position simple to reason about). */
  normal(): number {
    const u1 = 1 - this.float(); // (0, 1]: log(0) would be -Infinity
    const u2 = this.float();
    return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  }

  /** Log-normal delay with the given median; whole seconds are taken by the caller. */
  lognormal(median: number, sigma: number): number {
    return median * Math.exp(sigma * this.normal());
  }

  /** Failures before the first success, P(k) = p (1-p)^k, k >= 0. */
  geometric(p: number): number {
    const u = 1 - this.float();
    return Math.floor(Math.log(u) / Math.log(1 - p));
  }

  /** Index drawn from unnormalised weights. */
  weighted(weights: ArrayLike<number>, total?: number): number {
    let sum = total ?? 0;
    if (total === undefined) for (let i = 0; i < weights.length; i++) sum += weights[i]!;
    let x = this.float() * sum;
    for (let i = 0; i < weights.length; i++) {
      x -= weights[i]!;
      if (x < 0) return i;
    }
    return weights.length - 1;
  }

  /** An independent stream, seeded from this one. */
  fork(): Rng {
    return new Rng(this.u32());
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

/**
 * A bijection on 32-bit integers (every step is invertible: xor-shift and multiplication by an odd constant), so
 * `mix32(i ^ salt)` gives distinct, random-looking values for distinct i. Used for per-user and per-message values
 * (names, phone area codes, wamid bytes) that are recomputed at emission time instead of being stored, which keeps
 * memory flat for 10M messages.
 */
export function mix32(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b);
  x ^= x >>> 16;
  return x >>> 0;
}

/** Hash of two integers (not a bijection; for random-looking filler). */
export function hash2(a: number, b: number): number {
  return mix32(a ^ mix32((b + 0x9e3779b9) | 0));
}
