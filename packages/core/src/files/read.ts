import { closeSync, fstatSync, openSync, readFileSync, readSync } from 'node:fs';
import path from 'node:path';
import { draftSizeProblem } from '../parse/limits.js';

/** Why a file could not be read as text: these end the run with exit code 2, like a missing file. */
export class UnreadableFileError extends Error {
  constructor(
    readonly filePath: string,
    readonly reason: string,
  ) {
    super(`${filePath}: ${reason}`);
    this.name = 'UnreadableFileError';
  }
}

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** Decodes bytes as UTF-8 text, refusing binary content (NUL bytes) and invalid UTF-8. The BOM is dropped. */
export function decodeText(filePath: string, bytes: Uint8Array): string {
  const tooLarge = draftSizeProblem(formatOf(filePath), bytes.length);
  if (tooLarge) throw new UnreadableFileError(filePath, tooLarge);
  // The whole file (a NUL past the first 8 KB was let through into the template text); memchr-fast.
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    throw new UnreadableFileError(filePath, `binary content (NUL byte at byte ${nul}); drafts must be UTF-8 text`);
  }
  try {
    return decoder.decode(bytes);
  } catch {
    const offset = firstInvalidUtf8(bytes);
    throw new UnreadableFileError(filePath, `not valid UTF-8 (first invalid byte at offset ${offset}); save the file as UTF-8`);
  }
}

/** What the user reads when a file cannot be opened or read (`code` is the system error code). */
function unreadableReason(code: string): string {
  return code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : code === 'EACCES' ? 'permission denied' : `cannot be read (${code})`;
}

/** Markdown or Meta JSON, by extension (as the linter decides). */
function formatOf(filePath: string): 'markdown' | 'meta-json' {
  return path.extname(filePath).toLowerCase() === '.json' ? 'meta-json' : 'markdown';
}

export function readTextFile(filePath: string): string {
  let bytes: Buffer;
  try {
    // One open, then fstat and read on the descriptor: looking the path up once per file is measurably cheaper
    // over thousands of drafts than stat + readFileSync. A file too large to be a draft is refused before it is
    // read, so a huge file never fills the memory.
    const fd = openSync(filePath, 'r');
    try {
      const stats = fstatSync(fd);
      if (stats.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
      const tooLarge = stats.isFile() ? draftSizeProblem(formatOf(filePath), stats.size) : undefined;
      if (tooLarge) throw new UnreadableFileError(filePath, tooLarge);
      bytes = stats.isFile() ? readExactly(fd, stats.size) : readFileSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    if (error instanceof UnreadableFileError) throw error;
    throw new UnreadableFileError(filePath, unreadableReason((error as NodeJS.ErrnoException).code ?? String(error)));
  }
  return decodeText(filePath, bytes);
}

/** Reads the `size` bytes fstat reported (the file as it was then; a shorter file ends the read early). */
function readExactly(fd: number, size: number): Buffer {
  const buffer = Buffer.allocUnsafe(size);
  let filled = 0;
  while (filled < size) {
    const n = readSync(fd, buffer, filled, size - filled, null);
    if (n === 0) break;
    filled += n;
  }
  return filled === size ? buffer : buffer.subarray(0, filled);
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] as number;
    const need = b < 0x80 ? 0 : b >= 0xc2 && b < 0xe0 ? 1 : b >= 0xe0 && b < 0xf0 ? 2 : b >= 0xf0 && b < 0xf5 ? 3 : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    i += need + 1;
  }
  return i;
}
