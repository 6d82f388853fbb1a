import { statSync } from 'node:fs';
import { AnalyticsDatabase, AnalyticsError, assertDerived, SCHEMA_VERSION } from '@pesan/analytics';
import { Cube } from '../cube.js';

/**
 * The served report's data: the cube of the analytics database, kept in memory (an in-memory DuckDB) so that API
 * answers are small queries and the database file is open only while a cube is built. The file is attached
 * read-only, the cube is built from it, and it is detached at once: an ingest that needs the write lock waits at
 * most for one build (about a second on a million messages). The cube is rebuilt when the file changes (its size
 * or modification time, or its write-ahead log's) and when a request asks for another time zone.
 * Requests run one at a time: a selection is a set of session variables on the one connection.
 */
export class CubeStore {
  private memory: AnalyticsDatabase | undefined;
  private cube: Cube | undefined;
  private signature = '';
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    readonly path: string,
    private readonly lockTimeoutMs = 5_000,
  ) {}

  /** Runs `work` with the cube for `tz`, (re)building it first when needed. */
  run<T>(tz: string, work: (cube: Cube) => Promise<T>): Promise<T> {
    const next = this.queue.then(async () => work(await this.cubeFor(tz)));
    // A failed request must not stall the ones queued behind it.
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async cubeFor(tz: string): Promise<Cube> {
    const signature = fileSignature(this.path);
    if (this.cube && this.cube.tz === tz && signature === this.signature) return this.cube;
    this.memory ??= await AnalyticsDatabase.open({ path: ':memory:' });
    const db = this.memory;
    this.cube = undefined;
    await this.attach(db);
    try {
      await db.run('USE src');
      await checkSource(db, this.path);
      this.cube = await Cube.build(db, tz);
      this.signature = signature;
    } finally {
      await db.run('USE memory');
      await db.run('DETACH src');
    }
    return this.cube;
  }

  /** Attaches the file read-only, waiting for a writer (an ingest) to finish, as AnalyticsDatabase.open does. */
  private async attach(db: AnalyticsDatabase): Promise<void> {
    const deadline = Date.now() + this.lockTimeoutMs;
    let delay = 50;
    for (;;) {
      try {
        await db.run(`ATTACH '${this.path.replace(/'/g, "''")}' AS src (READ_ONLY)`);
        return;
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        if (/Could not set lock|Conflicting lock/i.test(message) && Date.now() < deadline) {
          await new Promise((resolve) => setTimeout(resolve, delay));
          delay = Math.min(delay * 2, 500);
          continue;
        }
        if (/lock/i.test(message)) throw new AnalyticsError(`${this.path} is in use by another process (an ingest?); try again when it has finished.`);
        throw new AnalyticsError(`${this.path}: cannot open the database: ${message.split('\n')[0]}`);
      }
    }
  }

  close(): void {
    this.cube = undefined;
    const memory = this.memory;
    this.memory = undefined;
    memory?.close();
  }
}

/** Size and modification time of the database file and its write-ahead log: changes when an ingest commits. */
function fileSignature(path: string): string {
  const part = (file: string): string => {
    try {
      const s = statSync(file);
      return `${s.size}:${s.mtimeMs}`;
    } catch {
      return '-';
    }
  };
  const main = part(path);
  if (main === '-') throw new AnalyticsError(`${path}: no analytics database here yet. Run \`pesan ingest <files> --db ${path}\` first.`);
  return `${main}|${part(`${path}.wal`)}`;
}

/** The checks AnalyticsDatabase.open and assertDerived make, on the attached file. */
async function checkSource(db: AnalyticsDatabase, path: string): Promise<void> {
  let version: number;
  try {
    version = (await db.all<{ v: number | null }>('SELECT max(version)::INTEGER AS v FROM schema_version'))[0]?.v ?? 0;
  } catch {
    throw new AnalyticsError(`${path} is not a Pesan analytics database (no schema_version table). Create one with \`pesan ingest <files> --db ${path}\`.`);
  }
  if (version !== SCHEMA_VERSION) {
    throw new AnalyticsError(
      version > SCHEMA_VERSION
        ? `${path} was written by a newer Pesan (schema v${version}; this Pesan reads v${SCHEMA_VERSION}). Upgrade Pesan.`
        : `${path} has schema v${version}, older than this Pesan's v${SCHEMA_VERSION}. Run \`pesan ingest --db ${path}\` (with no files) once to migrate it.`,
    );
  }
  await assertDerived(db);
}
