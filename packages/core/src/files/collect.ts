import { statSync } from 'node:fs';
import path from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import { UsageError } from '../config/errors.js';

/** JSON files in a directory that are tool config, not templates. */
const NOT_TEMPLATES = new Set(['package.json', 'package-lock.json', 'pesan.config.json', 'pesan-suppressions.json', 'tsconfig.json', '.pesancache']);
const SKIPPED_DIRS = ['**/node_modules/**', '**/.git/**', '**/dist/**'];

export interface CollectedFiles {
  files: string[];
  /** Files that came from explicit paths (lint them even if an `ignores` pattern matches, with a warning). */
  explicit: Set<string>;
}

/**
 * Expands command-line operands into draft files: files as given, directories recursively (`.md` and `.json`),
 * globs. An operand that matches nothing is a usage error (exit 2), as in ESLint and textlint.
 */
export async function collectFiles(operands: readonly string[], cwd: string = process.cwd()): Promise<CollectedFiles> {
  const found = new Set<string>();
  const explicit = new Set<string>();
  for (const operand of operands) {
    const absolute = path.resolve(cwd, operand);
    let stats: ReturnType<typeof statSync> | undefined;
    try {
      stats = statSync(absolute);
    } catch {
      stats = undefined;
    }
    if (stats?.isFile()) {
      const rel = path.relative(cwd, absolute) || operand;
      found.add(rel);
      explicit.add(rel);
      continue;
    }
    if (stats?.isDirectory()) {
      // Relative to the directory, then prefixed with its path from `cwd` (what path.relative(cwd, file) gives,
      // without its cost on each of many files).
      const inside = await glob(['**/*.md', '**/*.json'], { cwd: absolute, ignore: SKIPPED_DIRS, dot: false });
      const prefix = path.relative(cwd, absolute);
      let drafts = 0;
      for (const file of inside) {
        if (NOT_TEMPLATES.has(path.posix.basename(file))) continue;
        const native = path.sep === '/' ? file : file.split('/').join(path.sep);
        found.add(prefix === '' ? native : `${prefix}${path.sep}${native}`);
        drafts++;
      }
      if (drafts === 0) throw new UsageError(`No draft files (.md or .json) found in directory "${operand}".`);
      continue;
    }
    if (!isDynamicPattern(operand)) throw new UsageError(`No such file or directory: "${operand}". Check the path, or quote a glob pattern.`);
    const matches = await glob(operand, { cwd, ignore: SKIPPED_DIRS, absolute: true });
    if (matches.length === 0) throw new UsageError(`No files matching the pattern "${operand}" were found.`);
    for (const match of matches) found.add(path.relative(cwd, match));
  }
  // Deterministic order whatever the file system returns.
  return { files: [...found].sort(), explicit };
}
