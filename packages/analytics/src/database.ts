import type { DuckDBConnection, DuckDBInstance, DuckDBValue } from '@duckdb/node-api';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { AnalyticsError } from './errors.js';
import { sqlFolder } from './sql-files.js';

/**
 * `@duckdb/node-api` is CommonJS. Imported from this ES module, Node first scans its source for export names
 * (cjs-module-lexer, ≈ 70 ms of every `pesan stats` start); required, it is simply loaded.
 */
const duckdb = createRequire(import.meta.url)('@duckdb/node-api') as typeof import('@duckdb/node-api');

/** The schema this Pesan writes. Older databases are migrated by `sql/schema/00N_*.sql` (N > their version). */
export const SCHEMA_VERSION = 1;
export const DEFAULT_DB_PATH = 'pesan.duckdb';
/** How long a writer waits for another process (an ingest, `pesan serve` answering a request) to release the file. */
export const DEFAULT_LOCK_TIMEOUT_MS = 30_000;

export interface OpenOptions {
  path: string;
  readOnly?: boolean;
  /** Wait at most this long for another process's lock, then fail with a clear message. */
  lockTimeoutMs?: number;
  /** DuckDB memory_limit; ingest sets it so a large file spills to disk instead of exhausting memory. */
  memoryLimit?: string;
  /** Package version, recorded in schema_version when the schema is created or migrated. */
  pesanVersion?: string;
}

type Row = Record<string, unknown>;

/**
 * One open DuckDB database file. Writers (ingest, forget) hold it for the duration of the command; readers (stats,
 * report, serve) open it read-only for one query batch and close it, so they never block an ingest for long.
 * DuckDB allows a single writing process per file: a second one gets a lock error, which is retried until
 * `lockTimeoutMs` and then reported with the PID that holds the lock.
 */
export class AnalyticsDatabase {
  private constructor(
    readonly path: string,
    readonly readOnly: boolean,
    private readonly instance: DuckDBInstance,
    readonly connection: DuckDBConnection,
  ) {}

  static async open(options: OpenOptions): Promise<AnalyticsDatabase> {
    const readOnly = options.readOnly ?? false;
    if (readOnly && !existsSync(options.path)) {
      throw new AnalyticsError(`${options.path}: no analytics database here yet. Run \`pesan ingest <files> --db ${options.path}\` first.`);
    }
    const config: Record<string, string> = { access_mode: readOnly ? 'READ_ONLY' : 'READ_WRITE' };
    if (options.memoryLimit) config.memory_limit = options.memoryLimit;
    const deadline = Date.now() + (options.lockTimeoutMs ?? DEFAULT_LOCK_TIMEOUT_MS);
    let delay = 50;
    for (;;) {
      try {
        const instance = await duckdb.DuckDBInstance.create(options.path, config);
        const connection = await instance.connect();
        const db = new AnalyticsDatabase(options.path, readOnly, instance, connection);
        // Timestamps without a zone (send logs) mean UTC, whatever the machine's zone.
        await connection.run("SET TimeZone = 'UTC'");
        await db.checkSchema(options.pesanVersion);
        return db;
      } catch (error) {
        if (error instanceof AnalyticsError) throw error;
        const message = error instanceof Error ? error.message : String(error);
        if (/Could not set lock|Conflicting lock/i.test(message)) {
          if (Date.now() < deadline) {
            await new Promise((resolve) => setTimeout(resolve, delay));
            delay = Math.min(delay * 2, 500);
            continue;
          }
          const holder = /held in (.+?) \(PID (\d+)\)/.exec(message);
          throw new AnalyticsError(
            `${options.path} is in use by another process${holder ? ` (PID ${holder[2]})` : ''}: DuckDB allows one writer at a time. ` +
              `Waited ${Math.round((options.lockTimeoutMs ?? DEFAULT_LOCK_TIMEOUT_MS) / 1000)} s. Wait for the other ingest to finish ` +
              `(or stop it), or raise --lock-timeout.`,
          );
        }
        throw new AnalyticsError(`${options.path}: cannot open the database: ${firstLine(message)}`);
      }
    }
  }

  /** Runs one or more statements. With PESAN_TIMING=1, prints each statement's time to stderr. */
  async run(sql: string, values?: DuckDBValue[] | Record<string, DuckDBValue>): Promise<number> {
    const started = TIMING ? performance.now() : 0;
    const result = await this.connection.run(sql, values);
    if (TIMING) logTiming(sql, started);
    return result.rowsChanged;
  }

  /** Rows of a query as plain objects (BIGINT and other exact types as JSON-safe values). */
  async all<T extends Row = Row>(sql: string, values?: DuckDBValue[] | Record<string, DuckDBValue>): Promise<T[]> {
    const started = TIMING ? performance.now() : 0;
    const reader = await this.connection.runAndReadAll(sql, values);
    if (TIMING) logTiming(sql, started);
    return reader.getRowObjectsJS() as T[];
  }

  /** Sets DuckDB session variables read by the .sql files through getvariable(). */
  async setVariables(variables: Record<string, string | number | boolean | null>): Promise<void> {
    const statements = Object.entries(variables).map(([name, value]) => `SET VARIABLE ${name} = ${sqlLiteral(value)};`);
    if (statements.length) await this.connection.run(statements.join('\n'));
  }

  async transaction<T>(work: () => Promise<T>): Promise<T> {
    await this.connection.run('BEGIN TRANSACTION');
    try {
      const result = await work();
      await this.connection.run('COMMIT');
      return result;
    } catch (error) {
      await this.connection.run('ROLLBACK').catch(() => undefined);
      throw error;
    }
  }

  close(): void {
    try {
      this.connection.closeSync();
    } finally {
      this.instance.closeSync();
    }
  }

  /** Creates the schema in a new file, migrates an older one, refuses a newer one. */
  private async checkSchema(pesanVersion = 'unknown'): Promise<void> {
    const tables = await this.all<{ n: number }>(
      "SELECT count(*)::INTEGER AS n FROM duckdb_tables() WHERE database_name = current_database() AND table_name = 'schema_version'",
    );
    const version = tables[0]?.n
      ? ((await this.all<{ v: number | null }>('SELECT max(version) AS v FROM schema_version'))[0]?.v ?? 0)
      : 0;
    if (version === SCHEMA_VERSION) return;
    if (version > SCHEMA_VERSION) {
      throw new AnalyticsError(
        `${this.path} was written by a newer Pesan (schema v${version}; this Pesan reads v${SCHEMA_VERSION}). Upgrade Pesan, or use another --db.`,
      );
    }
    if (this.readOnly) {
      throw new AnalyticsError(
        `${this.path} has schema v${version}, older than this Pesan's v${SCHEMA_VERSION}. Run \`pesan ingest --db ${this.path}\` (with no files) once to migrate it.`,
      );
    }
    await this.transaction(async () => {
      for (const migration of sqlFolder('schema')) {
        const number = Number.parseInt(migration.name, 10);
        if (number > version && number <= SCHEMA_VERSION) await this.connection.run(migration.text);
      }
      await this.run('INSERT INTO schema_version (version, pesan_version) VALUES ($1, $2)', [SCHEMA_VERSION, pesanVersion]);
    });
  }
}

const TIMING = Boolean(process.env.PESAN_TIMING);

/** PESAN_TIMING=1: one stderr line per statement (its first words and its time), to see where an ingest spends. */
function logTiming(sql: string, started: number): void {
  const head = sql.replace(/--[^\n]*\n/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 90);
  process.stderr.write(`[timing] ${(performance.now() - started).toFixed(0).padStart(6)} ms  ${head}\n`);
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message;
}

/** A SQL literal for a variable value (strings quoted, quotes doubled). */
export function sqlLiteral(value: string | number | boolean | null): string {
  if (value === null) return 'NULL';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'NULL';
  return `'${value.replace(/'/g, "''")}'`;
}
