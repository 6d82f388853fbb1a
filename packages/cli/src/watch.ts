import { watch, existsSync, statSync } from 'node:fs';
import path from 'node:path';
import type { FileResult } from '@pesan/core';

const DRAFT = /\.(md|json)$/i;

/**
 * `pesan lint --watch`: after the first run, re-lints each draft that changes (debounced) and prints its report.
 * Config changes re-lint everything, since any draft's findings may change.
 */
export function watchDrafts(
  operands: readonly string[],
  relint: (files: string[] | 'all') => Promise<FileResult[]>,
  print: (results: FileResult[]) => void,
  debounceMs = 150,
): () => void {
  const pending = new Set<string>();
  let all = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = async (): Promise<void> => {
    timer = undefined;
    const files = [...pending].filter((f) => existsSync(f));
    const target: string[] | 'all' = all ? 'all' : files;
    pending.clear();
    all = false;
    if (target !== 'all' && target.length === 0) return;
    process.stdout.write(`\n[${new Date().toLocaleTimeString()}] re-linting ${target === 'all' ? 'all drafts (config changed)' : target.join(', ')}\n`);
    print(await relint(target));
  };
  const schedule = (file: string): void => {
    const base = path.basename(file);
    if (/^pesan\.config\.(json|ya?ml)$/.test(base) || base === 'package.json') all = true;
    else if (DRAFT.test(file) && !file.includes(`${path.sep}node_modules${path.sep}`)) pending.add(path.relative(process.cwd(), file));
    else return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void flush(), debounceMs);
  };
  const watchers = operands.map((operand) => {
    const target = existsSync(operand) ? operand : '.';
    const isDir = statSync(target).isDirectory();
    const dir = isDir ? target : path.dirname(target);
    return watch(dir, { recursive: isDir }, (_event, name) => {
      if (name) schedule(path.join(dir, name.toString()));
    });
  });
  process.stderr.write('pesan: watching for changes (Ctrl+C to stop)\n');
  return () => {
    for (const w of watchers) w.close();
    if (timer) clearTimeout(timer);
  };
}
