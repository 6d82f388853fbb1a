import { createReadStream, readFileSync, statSync } from 'node:fs';
import { createGunzip, gunzipSync, constants as zlibConstants } from 'node:zlib';

/** What a pass over a gzip file found: DuckDB reads a truncated .gz without any error, so Pesan checks it itself. */
export interface GzipCheck {
  /** Complete lines (ending in a newline) before the stream broke, or every line of an intact file. */
  completeLines: number;
  truncated: boolean;
  /** zlib's reason when the stream is broken ("unexpected end of file"). */
  error?: string;
}

/** Streams a gzip file through zlib, counting newlines, to know before commit whether its tail is cut off. */
export function checkGzip(filePath: string, onBytes?: (compressedBytes: number) => void): Promise<GzipCheck> {
  return new Promise((resolve) => {
    let newlines = 0;
    let lastByte = 10;
    const input = createReadStream(filePath, { highWaterMark: 1 << 20 });
    const gunzip = createGunzip();
    if (onBytes) input.on('data', (chunk) => onBytes(chunk.length));
    gunzip.on('data', (chunk: Buffer) => {
      let at = chunk.indexOf(10);
      while (at !== -1) {
        newlines++;
        at = chunk.indexOf(10, at + 1);
      }
      if (chunk.length) lastByte = chunk[chunk.length - 1]!;
    });
    gunzip.on('end', () => resolve({ completeLines: newlines + (lastByte === 10 ? 0 : 1), truncated: false }));
    const fail = (error: Error): void => {
      input.destroy();
      resolve({ completeLines: newlines, truncated: true, error: error.message });
    };
    gunzip.on('error', fail);
    input.on('error', fail);
    input.pipe(gunzip);
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
