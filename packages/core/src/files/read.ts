import { readFileSync, statSync } from 'node:fs';
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

/** Markdown or Meta JSON, by extension (as the linter decides). */
function formatOf(filePath: string): 'markdown' | 'meta-json' {
  return path.extname(filePath).toLowerCase() === '.json' ? 'meta-json' : 'markdown';
}

export function readTextFile(filePath: string): string {
  let bytes: Buffer;
  try {
    // A file too large to be a draft is refused before it is read, so a huge file never fills the memory.
    const stats = statSync(filePath);
    const tooLarge = stats.isFile() ? draftSizeProblem(formatOf(filePath), stats.size) : undefined;
    if (tooLarge) throw new UnreadableFileError(filePath, tooLarge);
    bytes = readFileSync(filePath);
  } catch (error) {
    if (error instanceof UnreadableFileError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : code === 'EACCES' ? 'permission denied' : `cannot be read (${code ?? String(error)})`;
    throw new UnreadableFileError(filePath, reason);
  }
  return decodeText(filePath, bytes);
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
