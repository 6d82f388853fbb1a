import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AnalyticsDatabase, ingestFiles, queryStats } from '../src/index.js';
import { tempDir } from './helpers.js';

/**
 * Issue 7, ingest: mutated real payloads (truncated lines, wrong types, huge strings, unknown fields, numbers as
 * strings and back, missing keys, random bytes) never crash the ingest; every line is accounted for exactly once
 * (accepted, rejected with its line number, or blank); every line that is not JSON is a reject at its line; the
 * untouched lines are all accepted; and the accepted lines alone, ingested cleanly, give the same metrics (nothing
 * from a rejected line leaks in, nothing is counted twice). Rounds: PESAN_FUZZ_RUNS (default 3) x 400 mutated lines.
 */
const ROUNDS = Number(process.env.PESAN_FUZZ_RUNS ?? 3);
const MUTATED_PER_ROUND = 400;
const source = readFileSync(new URL('../../../fixtures/webhooks/webhooks.ndjson', import.meta.url), 'utf8').split('\n').filter(Boolean);

function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Walks to a random node of a JSON value and replaces it with `replace(node)`. */
function mutateAt(value: Json, random: () => number, replace: (node: Json) => Json): Json {
  if (value === null || typeof value !== 'object' || random() < 0.25) return replace(value);
  if (Array.isArray(value)) {
    if (value.length === 0) return replace(value);
    const i = Math.floor(random() * value.length);
    const copy = [...value];
    copy[i] = mutateAt(copy[i]!, random, replace);
    return copy;
  }
  const keys = Object.keys(value);
  if (keys.length === 0) return replace(value);
  const k = keys[Math.floor(random() * keys.length)]!;
  return { ...value, [k]: mutateAt(value[k]!, random, replace) };
}

const MUTATIONS: ((line: string, random: () => number) => string)[] = [
  (line, r) => line.slice(0, Math.floor(r() * line.length)), // truncated
  (line, r) => JSON.stringify(mutateAt(JSON.parse(line) as Json, r, (n) => (typeof n === 'string' && /^\d+$/.test(n) ? Number(n) : typeof n === 'number' ? String(n) : n))), // numbers <-> strings
  (line, r) => JSON.stringify(mutateAt(JSON.parse(line) as Json, r, () => [null, true, 7, 'x', [], {}][Math.floor(r() * 6)]!)), // wrong types
  (line, r) => JSON.stringify(mutateAt(JSON.parse(line) as Json, r, (n) => (n && typeof n === 'object' && !Array.isArray(n) ? { ...n, zz_unknown: { nested: [1, 'two'] } } : n))), // unknown fields
  (line, r) => JSON.stringify(mutateAt(JSON.parse(line) as Json, r, () => 'x'.repeat(100_000 + Math.floor(r() * 1000)))), // huge strings
  (line, r) => JSON.stringify(mutateAt(JSON.parse(line) as Json, r, (n) => {
    if (!n || typeof n !== 'object' || Array.isArray(n)) return n;
    const keys = Object.keys(n);
    const copy = { ...n };
    delete copy[keys[Math.floor(r() * keys.length)]!];
    return copy;
  })), // a missing key
  (line, r) => {
    const bytes = Buffer.from(line);
    for (let i = 0; i < 3; i++) bytes[Math.floor(r() * bytes.length)] = 0x20 + Math.floor(r() * 90);
    return bytes.toString('latin1');
  }, // random ASCII bytes
  (line) => `${line}${line}`, // two bodies glued on one line
];

function isJson(line: string): boolean {
  try {
    JSON.parse(line);
    return true;
  } catch {
    return false;
  }
}

describe('ingest fuzzing with mutated real payloads', () => {
  for (let round = 0; round < ROUNDS; round++) {
    it(`round ${round + 1}: no crash, every line accounted for once, rejects at their lines, accepted lines alone give the same metrics`, async () => {
      const random = prng(1000 + round);
      const lines: string[] = [];
      const mutated = new Set<number>();
      for (const line of source) {
        lines.push(line);
        if (random() < MUTATED_PER_ROUND / source.length) {
          lines.push(MUTATIONS[Math.floor(random() * MUTATIONS.length)]!(line, random).replace(/\n/g, ' '));
          mutated.add(lines.length);
        }
      }
      const dir = tempDir('pesan-fuzz-');
      const file = path.join(dir, 'fuzzed.ndjson');
      writeFileSync(file, `${lines.join('\n')}\n`);
      const db = path.join(dir, 'fuzz.duckdb');
      const summary = await ingestFiles({ db, files: [file] });
      const f = summary.files[0]!;
      expect(f.lines).toBe(lines.length);
      expect(f.acceptedLines + f.rejectedLines + f.blankLines).toBe(lines.length);

      const handle = await AnalyticsDatabase.open({ path: db, readOnly: true });
      const rejected = new Set((await handle.all<{ line_no: number }>('SELECT line_no FROM rejects')).map((r) => Number(r.line_no)));
      handle.close();
      expect(rejected.size).toBe(f.rejectedLines);
      lines.forEach((line, index) => {
        const lineNo = index + 1;
        if (!mutated.has(lineNo)) expect(rejected.has(lineNo), `original line ${lineNo} was rejected`).toBe(false);
        else if (line.trim() !== '' && !isJson(line)) expect(rejected.has(lineNo), `line ${lineNo} is not JSON but was accepted`).toBe(true);
      });

      const acceptedOnly = path.join(dir, 'accepted.ndjson');
      writeFileSync(acceptedOnly, `${lines.filter((line, i) => !rejected.has(i + 1) && line.trim() !== '').join('\n')}\n`);
      const clean = path.join(dir, 'clean.duckdb');
      const cleanSummary = await ingestFiles({ db: clean, files: [acceptedOnly] });
      expect(cleanSummary.totals.rejectedLines).toBe(0);
      expect(cleanSummary.totals.events).toEqual(summary.totals.events);
      expect(await queryStats(clean, { by: ['template', 'day'] })).toEqual(await queryStats(db, { by: ['template', 'day'] }));
    }, 120_000);
  }
});
