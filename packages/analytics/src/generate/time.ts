// Time helpers. The simulation keeps every timestamp as whole seconds relative to the period start (Int32), and only
// the emitters turn them into Unix seconds / ISO strings.

export const DAY = 86400;

/** Parses `YYYY-MM-DD` (or a full ISO instant at UTC midnight) into Unix seconds. */
export function parseStart(start: string): number {
  const ms = /^\d{4}-\d{2}-\d{2}$/.test(start) ? Date.parse(`${start}T00:00:00Z`) : Date.parse(start);
  if (!Number.isFinite(ms)) throw new Error(`generate: invalid start ${JSON.stringify(start)}`);
  if (ms % (DAY * 1000) !== 0) throw new Error(`generate: start must be a UTC midnight, got ${start}`);
  return ms / 1000;
}

/** `2026-10-03T09:14:07Z` (whole seconds, no milliseconds). */
export function isoSeconds(unix: number): string {
  const s = new Date(unix * 1000).toISOString();
  return `${s.slice(0, 19)}Z`;
}

/** `YYYY-MM-DD` of a day number (days since 1970-01-01). */
export function dayString(dayNumber: number): string {
  return new Date(dayNumber * DAY * 1000).toISOString().slice(0, 10);
}

const SLOT = 900; // zone offsets are sampled every 15 minutes: every real transition falls on such a boundary

/**
 * UTC offset of an IANA zone over a bounded window, precomputed per 15-minute slot so the per-message lookups of
 * 10M messages do not go through Intl (microseconds each).
 */
export class ZoneOffsets {
  private readonly from: number;
  private readonly offsets: Int32Array;

  constructor(readonly tz: string, fromUnix: number, toUnix: number) {
    this.from = Math.floor(fromUnix / SLOT) * SLOT;
    const slots = Math.ceil((toUnix - this.from) / SLOT) + 1;
    this.offsets = new Int32Array(slots);
    const fmt = new Intl.DateTimeFormat('en-US', {
      timeZone: tz, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit',
      hour: '2-digit', minute: '2-digit', second: '2-digit',
    });
    for (let i = 0; i < slots; i++) {
      const t = this.from + i * SLOT;
      const parts: Record<string, string> = {};
      for (const p of fmt.formatToParts(new Date(t * 1000))) parts[p.type] = p.value;
      const local = Date.UTC(+parts.year!, +parts.month! - 1, +parts.day!, +parts.hour!, +parts.minute!, +parts.second!) / 1000;
      this.offsets[i] = local - t;
    }
  }

  offset(unix: number): number {
    const i = Math.floor((unix - this.from) / SLOT);
    if (i < 0 || i >= this.offsets.length) throw new Error(`ZoneOffsets(${this.tz}): ${unix} outside the window`);
    return this.offsets[i]!;
  }

  /** Local calendar day number (days since 1970-01-01 in the zone). */
  day(unix: number): number {
    return Math.floor((unix + this.offset(unix)) / DAY);
  }

  /** Local hour of day, 0-23. */
  hour(unix: number): number {
    const local = unix + this.offset(unix);
    return Math.floor((((local % DAY) + DAY) % DAY) / 3600);
  }
}

/** Throws a clear error for an unknown IANA zone name. */
export function checkZone(tz: string): void {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
  } catch {
    throw new Error(`generate: unknown time zone ${JSON.stringify(tz)}`);
  }
}
