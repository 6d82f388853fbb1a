#!/usr/bin/env node
// Baseline for the ingest benchmark: the script most people would write first. readline + JSON.parse per line,
// a Map of per-message state (highest status, timestamps), no validation, no dedupe beyond the Map, no rejects,
// nothing stored on disk. Usage: node naive-ingest.mjs <webhooks.ndjson>
import { createReadStream } from 'node:fs';
import readline from 'node:readline';

const RANK = { sent: 1, delivered: 2, read: 3 };
const messages = new Map();
let lines = 0;
let events = 0;
let bad = 0;
const input = readline.createInterface({ input: createReadStream(process.argv[2]), crlfDelay: Infinity });
for await (const line of input) {
  lines++;
  if (!line.trim()) continue;
  let body;
  try {
    body = JSON.parse(line);
  } catch {
    bad++;
    continue;
  }
  const envelope = body.body ?? body;
  for (const entry of envelope.entry ?? []) {
    for (const change of entry.changes ?? []) {
      for (const s of change.value?.statuses ?? []) {
        events++;
        const ts = Number(s.timestamp);
        const m = messages.get(s.id) ?? { rank: 0, failed: false, sentTs: undefined, readTs: undefined };
        m.rank = Math.max(m.rank, RANK[s.status] ?? 0);
        if (s.status === 'failed') m.failed = true;
        if (s.status === 'sent' && (m.sentTs === undefined || ts < m.sentTs)) m.sentTs = ts;
        if (s.status === 'read' && (m.readTs === undefined || ts < m.readTs)) m.readTs = ts;
        messages.set(s.id, m);
      }
      for (const _m of change.value?.messages ?? []) events++;
      for (const _p of change.value?.user_preferences ?? []) events++;
    }
  }
}
let delivered = 0;
for (const m of messages.values()) if (m.rank >= 2) delivered++;
console.log(JSON.stringify({ lines, events, bad, messages: messages.size, delivered }));
