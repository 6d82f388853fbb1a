import type { TimeToReadBucket } from '../model.js';
import { toNullableNumber, toNumber } from '../rows.js';
import type { Cube } from '../cube.js';

/** Bucket bounds of sql/query/time_to_read.sql (keep both in step). */
const BUCKETS: { label: string; fromSeconds: number; toSeconds: number | null }[] = [
  { label: '< 1 min', fromSeconds: 0, toSeconds: 60 },
  { label: '1–5 min', fromSeconds: 60, toSeconds: 300 },
  { label: '5–15 min', fromSeconds: 300, toSeconds: 900 },
  { label: '15–60 min', fromSeconds: 900, toSeconds: 3600 },
  { label: '1–3 h', fromSeconds: 3600, toSeconds: 10800 },
  { label: '3–6 h', fromSeconds: 10800, toSeconds: 21600 },
  { label: '6–24 h', fromSeconds: 21600, toSeconds: 86400 },
  { label: '1–3 days', fromSeconds: 86400, toSeconds: 259200 },
  { label: '≥ 3 days', fromSeconds: 259200, toSeconds: null },
];

export interface TimeToRead {
  buckets: TimeToReadBucket[];
  readMessages: number;
  p50Seconds: number | null;
  p90Seconds: number | null;
}

/** Time-to-read quantiles and distribution of the selected messages (the selection must be set on the cube). */
export async function timeToRead(cube: Cube): Promise<TimeToRead> {
  const row = (await cube.rows('time_to_read.sql'))[0];
  const counts = Array.isArray(row?.buckets) ? (row.buckets as unknown[]).map(toNumber) : [];
  const buckets = BUCKETS.map((b, i) => ({ ...b, messages: counts[i] ?? 0 }));
  return {
    buckets,
    readMessages: buckets.reduce((n, b) => n + b.messages, 0),
    p50Seconds: toNullableNumber(row?.ttr_p50_seconds),
    p90Seconds: toNullableNumber(row?.ttr_p90_seconds),
  };
}
