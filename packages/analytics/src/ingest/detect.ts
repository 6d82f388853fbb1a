import { closeSync, openSync, readSync } from 'node:fs';
import { gunzipSync, constants as zlibConstants } from 'node:zlib';
import { AnalyticsError } from '../errors.js';

/** What a file holds, decided from its content (the extension is only a hint for humans). */
export type FileKind =
  | 'webhooks' // NDJSON of webhook POST bodies (bare, {received_at, body} or {query_params, body_params} lines)
  | 'webhooks-document' // one JSON array of webhook bodies (or a single pretty-printed body)
  | 'send-log-csv'
  | 'send-log-ndjson'
  | 'template-analytics' // template_analytics export (Meta's shape or the field-expansion shape)
  | 'template-dictionary'; // message_templates export

export interface DetectedFile {
  path: string;
  kind: FileKind;
  gzip: boolean;
}

const SNIFF_BYTES = 256 * 1024;

/** Reads the head of a file (decompressed when it is gzip) and tells what it is. */
export function detectFile(filePath: string): DetectedFile {
  const head = readHead(filePath);
  const gzip = head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b;
  const text = (gzip ? gunzipHead(head) : head).toString('utf8').replace(/^\uFEFF/, '');
  const kind = kindOf(text);
  if (!kind) {
    const firstLine = text.split(/\r?\n/).find((line) => line.trim() !== '') ?? '';
    throw new AnalyticsError(
      `${filePath}: cannot tell what this file is (first line: ${JSON.stringify(firstLine.slice(0, 80))}). ` +
        'Pesan ingests webhook exports (NDJSON of POST bodies, or a JSON array), send logs (CSV with a header row naming ' +
        'wamid and sent_at, or NDJSON), template_analytics exports and message_templates exports, plain or gzip.',
    );
  }
  return { path: filePath, kind, gzip };
}

function kindOf(text: string): FileKind | undefined {
  const trimmed = text.trimStart();
  const firstLine = trimmed.split(/\r?\n/, 1)[0]?.trim() ?? '';
  if (trimmed.startsWith('[')) {
    if (/"entry"\s*:/.test(trimmed)) return 'webhooks-document';
    if (/"data_points"\s*:/.test(trimmed)) return 'template-analytics';
    if (/"wamid"\s*:/.test(trimmed)) return 'send-log-ndjson';
    if (/"name"\s*:/.test(trimmed) && /"language"\s*:/.test(trimmed)) return 'template-dictionary';
    return undefined;
  }
  if (trimmed.startsWith('{')) {
    const line = parseLine(firstLine);
    if (line && typeof line === 'object') {
      // A complete JSON object on the first line: NDJSON, unless the line is the whole document.
      const keys = Object.keys(line);
      if (keys.includes('entry') || keys.includes('body') || keys.includes('body_params')) return 'webhooks';
      if (keys.includes('wamid')) return 'send-log-ndjson';
      if (keys.includes('template_analytics') || hasDataPoints(line)) return 'template-analytics';
      if (keys.includes('data')) return 'template-dictionary';
      return undefined;
    }
    // A multi-line (pretty-printed) document.
    if (/"template_analytics"\s*:|"data_points"\s*:/.test(trimmed)) return 'template-analytics';
    if (/"entry"\s*:/.test(trimmed)) return 'webhooks-document';
    if (/"data"\s*:/.test(trimmed) && /"name"\s*:/.test(trimmed) && /"language"\s*:/.test(trimmed)) return 'template-dictionary';
    return undefined;
  }
  const header = firstLine.toLowerCase();
  if (/(^|[,;\t])\s*"?wamid"?\s*([,;\t]|$)/.test(header)) return 'send-log-csv';
  return undefined;
}

function hasDataPoints(value: object): boolean {
  const data = (value as { data?: unknown }).data;
  return Array.isArray(data) && data.some((d) => d && typeof d === 'object' && 'data_points' in d);
}

function parseLine(line: string): unknown {
  try {
    return JSON.parse(line) as unknown;
  } catch {
    return undefined;
  }
}

function readHead(filePath: string): Buffer {
  let fd: number;
  try {
    fd = openSync(filePath, 'r');
  } catch (error) {
    throw new AnalyticsError(`${filePath}: cannot read the file (${(error as NodeJS.ErrnoException).code ?? String(error)}).`);
  }
  try {
    const buffer = Buffer.alloc(SNIFF_BYTES);
    const read = readSync(fd, buffer, 0, SNIFF_BYTES, 0);
    return buffer.subarray(0, read);
  } catch (error) {
    throw new AnalyticsError(`${filePath}: cannot read the file (${(error as NodeJS.ErrnoException).code ?? String(error)}).`);
  } finally {
    closeSync(fd);
  }
}

/** Decompresses as much of a gzip head as is there (the head is cut mid-stream on purpose). */
function gunzipHead(head: Buffer): Buffer {
  try {
    return gunzipSync(head, { finishFlush: zlibConstants.Z_SYNC_FLUSH });
  } catch {
    return Buffer.alloc(0);
  }
}
