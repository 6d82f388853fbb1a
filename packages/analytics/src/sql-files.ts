import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

/**
 * The package's named `.sql` files (schema, ingest, derive, metrics). They are kept as files, not strings in code,
 * so a user can rerun them in the DuckDB CLI; this module only finds and reads them.
 */
export const SQL_DIR = fileURLToPath(new URL('../sql/', import.meta.url));

/**
 * A reader of the `.sql` files under `dir`, each read once per process (the report package reads its own files
 * with one too).
 */
export function sqlReader(dir: string): (relative: string) => string {
  const cache = new Map<string, string>();
  return (relative) => {
    let text = cache.get(relative);
    if (text === undefined) {
      text = readFileSync(path.join(dir, relative), 'utf8');
      cache.set(relative, text);
    }
    return text;
  };
}

/** The text of `sql/<relative>` (e.g. `derive/messages.sql`). */
export const sqlFile = sqlReader(SQL_DIR);

/** The `.sql` files of a folder in name order (migrations, metric views). */
export function sqlFolder(folder: string): { name: string; text: string }[] {
  return readdirSync(path.join(SQL_DIR, folder))
    .filter((name) => name.endsWith('.sql'))
    .sort()
    .map((name) => ({ name, text: sqlFile(`${folder}/${name}`) }));
}

/** Splits a .sql file into statements (on `;` at the end of a line; the files keep one statement per `;`). */
export function splitStatements(sql: string): string[] {
  return sql
    .split(/;\s*(?:\n|$)/)
    .map((s) => s.trim())
    .filter((s) => s.replace(/--[^\n]*/g, '').trim() !== '');
}
