import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The report's own named SQL files: sql/cube/*.sql build its working set from the analytics tables (see cube.ts),
 * sql/query/*.sql read it for one selection. They are files, not strings in code, so that a number in the report can
 * be reproduced by hand in the DuckDB CLI.
 */
export const REPORT_SQL_DIR = fileURLToPath(new URL('../sql/', import.meta.url));

const cache = new Map<string, string>();

export function reportSql(name: string): string {
  let text = cache.get(name);
  if (text === undefined) {
    text = readFileSync(path.join(REPORT_SQL_DIR, name), 'utf8');
    cache.set(name, text);
  }
  return text;
}
