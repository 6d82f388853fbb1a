// File output: a chunked line writer with backpressure (optionally gzip), the send-log CSV, and a compact JSON layout
// for the JSON files (one row per line: readable in a diff, a fraction of the size of 2-space indentation).
import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import { createGzip, type Gzip } from 'node:zlib';
import { opaqueOf } from './emit.js';
import type { Wamids } from './ids.js';
import { JOIN_LOGGED, M_HELD, type Simulation } from './simulate.js';
import { CATEGORIES } from './templates.js';
import { isoSeconds } from './time.js';

const CHUNK = 1 << 20;

/** Lines are joined into ~1 MB chunks; the producer awaits `drain` when the stream's buffer is full. */
export class LineWriter {
  private parts: string[] = [];
  private size = 0;
  lines = 0;
  private readonly file: WriteStream;
  private readonly target: WriteStream | Gzip;

  constructor(path: string, gzip: boolean) {
    this.file = createWriteStream(path);
    if (gzip) {
      const gz = createGzip({ level: 6 });
      gz.pipe(this.file);
      this.target = gz;
    } else {
      this.target = this.file;
    }
  }

  push(line: string): boolean {
    this.parts.push(line, '\n');
    this.size += line.length + 1;
    this.lines++;
    return this.size >= CHUNK;
  }

  async flush(): Promise<void> {
    if (this.size === 0) return;
    const chunk = this.parts.join('');
    this.parts = [];
    this.size = 0;
    if (!this.target.write(chunk)) await once(this.target, 'drain');
  }

  async close(): Promise<void> {
    await this.flush();
    this.target.end();
    await finished(this.file);
  }
}

/** RFC 4180 field: quoted when it contains a comma, quote, CR/LF or outer spaces. */
export function csvField(value: string): string {
  return /[",\r\n]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export const SEND_LOG_HEADER = 'wamid,sent_at,template_name,template_language,recipient,recipient_user_id,template_id,category,biz_opaque_callback_data,api_message_status';

/** send_log.csv: one row per message the business logged from the send API response, in send order. */
export async function writeSendLog(path: string, sim: Simulation, wamids: Wamids): Promise<number> {
  const w = new LineWriter(path, false);
  w.push(SEND_LOG_HEADER);
  const m = sim.messages;
  const users = sim.users;
  let rows = 0;
  for (let i = 0; i < m.count; i++) {
    if (m.join[i] !== JOIN_LOGGED) continue;
    const tpl = sim.catalog.templates[m.template[i]!]!;
    const u = m.user[i]!;
    const phone = users.phone(u);
    const line = [
      wamids.outbound(i, phone), isoSeconds(sim.startUnix + m.sendAt[i]!), tpl.name, tpl.language, phone, users.bsuid(u),
      tpl.id, CATEGORIES[m.category[i]!]!, opaqueOf(sim, i) ?? '',
      m.flags[i]! & M_HELD ? 'held_for_quality_assessment' : 'accepted',
    ].map(csvField).join(',');
    rows++;
    if (w.push(line)) await w.flush();
  }
  await w.close();
  return rows;
}

/**
 * JSON with objects expanded only while they contain objects/arrays; arrays of objects get one element per line.
 * Values are JSON-compatible (no undefined).
 */
export function layoutJson(value: unknown, indent = ''): string {
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0 || value.every((v) => v === null || typeof v !== 'object')) return JSON.stringify(value);
    return `[\n${value.map((v) => inner + JSON.stringify(v)).join(',\n')}\n${indent}]`;
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    if (!entries.some(([, v]) => v !== null && typeof v === 'object')) return JSON.stringify(value);
    return `{\n${entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${layoutJson(v, inner)}`).join(',\n')}\n${indent}}`;
  }
  return JSON.stringify(value);
}
