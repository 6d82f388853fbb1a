import { createReadStream, readFileSync, statSync } from 'node:fs';
import { createGunzip, gunzipSync, constants as zlibConstants } from 'node:zlib';

/** What one pass over a file's bytes found (decompressed when it is gzip). */
export interface LineScan {
  /** Lines in the file (a last line without a newline counts); for a broken gzip, the complete lines before the break. */
  lines: number;
  /** Some line is empty or starts with whitespace (then only the exact line reader keeps line numbers right). */
  blankish: boolean;
  /** A gzip stream that ends early: DuckDB reads such a file without any error, so Pesan checks it itself. */
  truncated: boolean;
  /** zlib's reason when the stream is broken ("unexpected end of file"). */
  error?: string;
}

const WHITESPACE_START = new Set([0x0a, 0x0d, 0x20, 0x09]);

/**
 * Streams a file (through zlib when it is gzip), counting lines and noting blank or indented lines, to decide
 * before commit whether DuckDB's fast object reader gives exact line numbers, and whether a .gz is cut off.
 */
export function scanLines(filePath: string, gzip: boolean, onBytes?: (bytes: number) => void): Promise<LineScan> {
  return new Promise((resolve) => {
    let newlines = 0;
    let lastByte = 0x0a;
    let blankish = false;
    let atLineStart = true;
    let total = 0;
    const input = createReadStream(filePath, { highWaterMark: 1 << 20 });
    if (onBytes) input.on('data', (chunk) => onBytes(chunk.length));
    const onData = (chunk: Buffer): void => {
      if (chunk.length === 0) return;
      total += chunk.length;
      if (atLineStart && WHITESPACE_START.has(chunk[0]!)) blankish = true;
      let at = chunk.indexOf(0x0a);
      while (at !== -1) {
        newlines++;
        const next = at + 1;
        if (next < chunk.length) {
          if (!blankish && WHITESPACE_START.has(chunk[next]!)) blankish = true;
        }
        at = chunk.indexOf(0x0a, next);
      }
      lastByte = chunk[chunk.length - 1]!;
      atLineStart = lastByte === 0x0a;
    };
    const done = (): void => resolve({ lines: newlines + (lastByte === 0x0a || total === 0 ? 0 : 1), blankish, truncated: false });
    const fail = (error: Error): void => {
      input.destroy();
      resolve({ lines: newlines, blankish, truncated: true, error: error.message });
    };
    if (gzip) {
      const gunzip = createGunzip();
      gunzip.on('data', onData);
      gunzip.on('end', done);
      gunzip.on('error', fail);
      input.on('error', fail);
      input.pipe(gunzip);
    } else {
      input.on('data', (chunk) => onData(chunk as Buffer));
      input.on('end', done);
      input.on('error', fail);
    }
  });
}

/** A whole (small) document's text; a truncated gzip document is returned with what could be decompressed. */
export function readDocument(filePath: string, gzip: boolean): { text: string; truncated: boolean; error?: string } {
  const raw = readFileSync(filePath);
  if (!gzip) return { text: stripBom(raw.toString('utf8')), truncated: false };
  try {
    return { text: stripBom(gunzipSync(raw).toString('utf8')), truncated: false };
  } catch (error) {
    const partial = gunzipSync(raw, { finishFlush: zlibConstants.Z_SYNC_FLUSH });
    return { text: stripBom(partial.toString('utf8')), truncated: true, error: (error as Error).message };
  }
}

export function fileSize(filePath: string): number {
  return statSync(filePath).size;
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
