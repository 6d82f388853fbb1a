import { availableParallelism } from 'node:os';
import { nodeWorkerThreads } from '../lazy-builtins.js';
import { readFileSync } from 'node:fs';
import { LintCache } from './cache.js';
import { Linter, type LintOptions } from '../engine/linter.js';
import { resolveProjectKeys, summarize, type FileResult } from '../engine/finding.js';
import { ConfigResolver, isIgnored, type RuleCatalog } from '../config/resolve.js';
import { decodeText, readTextFile, UnreadableFileError } from '../files/read.js';
import type { Severity } from '../engine/rule.js';
import type { LintWorkerInput } from './worker.js';

export interface LintFilesOptions {
  /** URL or specifier of a module exporting `catalog: RuleCatalog` (loaded inside worker threads). */
  catalogModule: string;
  /** The same catalog, already loaded in this thread (saves importing it a second time). */
  catalog?: RuleCatalog;
  /**
   * Script to run worker threads on instead of `@pesan/core`'s own `parallel/worker-entry.js`: one that brings the
   * same catalog in a single-file bundle and calls `serveLintWorker` (worker.ts) with it. Starting a worker on the
   * plain modules means importing ~350 of them one by one; the bundled CLI passes its launcher (see its
   * catalog-module.ts). The thread gets LINT_WORKER_ARGUMENT as its only argument, so that a launcher that is also
   * a CLI can tell it is serving a worker without loading `node:worker_threads` on every start.
   */
  workerModule?: string | URL;
  configFile?: string;
  ruleOverrides?: ReadonlyMap<string, Severity>;
  /**
   * Threads to lint with: `auto` (one per CPU from three CPUs up and when there are enough files, see autoThreads),
   * or a number (1 = this thread only, no helper thread either).
   */
  concurrency?: 'auto' | number;
  /** Files the user named explicitly (linted even when an `ignores` pattern matches). */
  explicit?: ReadonlySet<string>;
  /** Cache file for `--cache` (undefined: no cache). */
  cacheLocation?: string;
  /** Version of the tool, part of the cache key. */
  toolVersion?: string;
}

export interface LintRun {
  results: FileResult[];
  /** Files that could not be read as text (exit code 2). */
  unreadable: { filePath: string; reason: string }[];
  /** Files skipped because an `ignores` pattern matched. */
  ignored: string[];
}

/** Below this many files, starting workers costs more than it saves. */
const MIN_FILES_PER_WORKER = 150;

export async function loadCatalog(catalogModule: string): Promise<RuleCatalog> {
  const mod = (await import(catalogModule)) as { catalog?: RuleCatalog };
  if (!mod.catalog) throw new Error(`${catalogModule} does not export a \`catalog\``);
  return mod.catalog;
}

/** Lints files in this thread. Used directly for small runs and by each worker for its share. */
export function lintFilesInProcess(files: readonly string[], catalog: RuleCatalog, options: InProcessOptions): LintRun {
  return inProcessLinter(catalog, options)(files);
}

type InProcessOptions = Omit<LintFilesOptions, 'catalogModule' | 'workerModule' | 'concurrency'>;

/**
 * Lints files in this thread, one batch after another, with one linter and one config resolver for all of them (rule
 * settings are cached per linter and config). `texts` may hold the bytes of some files, read ahead by another thread.
 */
export type InProcessLinter = (files: readonly string[], texts?: ReadonlyMap<string, Uint8Array>) => LintRun;

/** `resolver`: one this thread already made for the same catalog and config file (its configs are reused). */
export function inProcessLinter(catalog: RuleCatalog, options: InProcessOptions, resolver?: ConfigResolver): InProcessLinter {
  const linter = new Linter(catalog);
  const configs = resolver ?? new ConfigResolver(linter.fullCatalog, options.configFile);
  const lintOptions: LintOptions = options.ruleOverrides ? { ruleOverrides: options.ruleOverrides } : {};
  return (files, texts) => {
    const run: LintRun = { results: [], unreadable: [], ignored: [] };
    for (const filePath of files) {
      const config = configs.forFile(filePath);
      if (isIgnored(config, filePath) && !options.explicit?.has(filePath)) {
        run.ignored.push(filePath);
        continue;
      }
      let text: string;
      try {
        const bytes = texts?.get(filePath);
        // Bytes read ahead go through the same checks and decoding as readTextFile's own.
        text = bytes ? decodeText(filePath, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)) : readTextFile(filePath);
      } catch (error) {
        if (error instanceof UnreadableFileError) {
          run.unreadable.push({ filePath, reason: error.reason });
          continue;
        }
        throw error;
      }
      run.results.push(linter.lintText(text, filePath, config, lintOptions));
    }
    return run;
  };
}

/**
 * Threads for `concurrency: 'auto'`. With two logical CPUs, a worker does not pay for itself: measured on the 10k-draft
 * benchmark corpus on a 2-vCPU machine, two threads linted no faster than one (each slowed the other down by about
 * half; two vCPUs are often one physical core's two hardware threads, in cloud VMs and CI runners), and every
 * worker first spends ~0.3 s loading the rules and ~0.5 s warming up (JIT, lexicons). From three CPUs up, one thread
 * per CPU.
 */
function autoThreads(cores: number): number {
  return cores >= 3 ? cores : 1;
}

/**
 * Lints many files with this thread and worker threads (see `concurrency`). Workers are started first, so they
 * load the rules while this thread resolves configs; then every thread pulls chunks of files from one queue, so
 * a slow thread never holds the run back. Each draft is parsed once; rules are compiled once per thread.
 * Results come back in the order of `files`.
 */
export async function lintFiles(files: readonly string[], options: LintFilesOptions): Promise<LintRun> {
  const cores = availableParallelism();
  const auto = options.concurrency === 'auto' || options.concurrency === undefined;
  const wanted = auto ? autoThreads(cores) : Math.max(1, options.concurrency as number);
  const threads = options.cacheLocation ? 1 : Math.max(1, Math.min(wanted, Math.floor(files.length / MIN_FILES_PER_WORKER)));
  const { catalogModule: _m, catalog: _k, workerModule: _w, concurrency: _c, cacheLocation: _l, toolVersion: _v, ...shared } = options;
  const workers = Array.from({ length: threads - 1 }, () => startWorker(options));
  try {
    const catalog = options.catalog ?? (await loadCatalog(options.catalogModule));
    const linter = new Linter(catalog);
    // Resolve configs up front in this thread so a bad config fails once, with a clear message, before any work.
    const resolver = new ConfigResolver(linter.fullCatalog, options.configFile);
    for (const file of files) resolver.forFile(file);
    if (options.cacheLocation) return await lintWithCache(files, options, catalog, resolver);
    const lintHere = inProcessLinter(catalog, shared, resolver);
    if (threads === 1) {
      // A spare CPU (auto chose one thread) reads the next files while this one lints. `--concurrency 1` stays
      // strictly one thread: it is also how to keep pesan within a CPU quota that availableParallelism() ignores.
      const run = auto && cores >= 2 && files.length >= READ_AHEAD_MIN_FILES ? await lintReadingAhead(files, lintHere) : lintHere(files);
      return { ...run, results: resolveProjectKeys(run.results) };
    }

    const chunks = inChunks(files);
    const runs: LintRun[] = [];
    const next = (): string[] | undefined => chunks.shift();
    const workerRuns = workers.map((worker) => worker.drain(next));
    // This thread takes chunks too, yielding between them so idle workers get their next chunk at once.
    for (let chunk = next(); chunk; chunk = next()) {
      runs.push(lintHere(chunk));
      await new Promise((resolve) => setImmediate(resolve));
    }
    for (const run of await Promise.all(workerRuns)) runs.push(...run);

    const byPath = new Map<string, FileResult>();
    const merged: LintRun = { results: [], unreadable: [], ignored: [] };
    for (const run of runs) {
      for (const result of run.results) byPath.set(result.filePath, result);
      merged.unreadable.push(...run.unreadable);
      merged.ignored.push(...run.ignored);
    }
    for (const file of files) {
      const result = byPath.get(file);
      if (result) merged.results.push(result);
    }
    merged.results = resolveProjectKeys(merged.results);
    merged.unreadable.sort((a, b) => a.filePath.localeCompare(b.filePath));
    merged.ignored.sort();
    return merged;
  } finally {
    for (const worker of workers) worker.stop();
  }
}

/** Below this many files, a reading thread is not worth starting. */
const READ_AHEAD_MIN_FILES = 2 * 100;

/**
 * Reading a draft costs about as many system calls (open, fstat, read, close) as linting it costs in tenths of a
 * millisecond: ~12 % of a large run. A helper thread with nothing but `node:fs` reads the next chunks' bytes while
 * this thread lints, and hands them over without copying. It reads only regular files of draft size; anything else,
 * and any error, is left to readTextFile in this thread, so every file is refused or read as it would be without it.
 * The results are those of one in-process run over `files`.
 */
async function lintReadingAhead(files: readonly string[], lint: InProcessLinter): Promise<LintRun> {
  const chunks = inChunks(files);
  const reader = new (nodeWorkerThreads().Worker)(READER_SOURCE, { eval: true, workerData: { maxBytes: READ_AHEAD_MAX_BYTES } });
  const requested: string[][] = [];
  const answers: ((texts: ReadonlyMap<string, Uint8Array>) => void)[] = [];
  let failed = false;
  const none: ReadonlyMap<string, Uint8Array> = new Map();
  // In order: the reader answers each request in turn. If it stops, this thread reads everything itself.
  reader.on('message', ({ bytes, ends }: { bytes: Uint8Array; ends: Int32Array }) => {
    const answer = answers.shift();
    const chunk = requested.shift() ?? [];
    const texts = new Map<string, Uint8Array>();
    let start = 0;
    chunk.forEach((file, i) => {
      const end = ends[i]!;
      if (end < 0) return; // not read: left to this thread
      texts.set(file, bytes.subarray(start, end));
      start = end;
    });
    answer?.(texts);
  });
  const stop = (): void => {
    failed = true;
    for (const answer of answers.splice(0)) answer(none);
  };
  reader.on('error', stop);
  reader.on('exit', stop);
  const request = (chunk: string[] | undefined): Promise<ReadonlyMap<string, Uint8Array>> | undefined => {
    if (!chunk) return undefined;
    if (failed) return Promise.resolve(none);
    requested.push(chunk);
    return new Promise((resolve) => {
      answers.push(resolve);
      reader.postMessage(chunk);
    });
  };
  try {
    const run: LintRun = { results: [], unreadable: [], ignored: [] };
    // Two chunks ahead, so that the reader is never the one waited for. The reader thread needs some 50 ms to
    // start: this thread reads the first chunk itself meanwhile, instead of waiting for it.
    const pending = [request(chunks[1]), request(chunks[2])];
    for (let i = 0; i < chunks.length; i++) {
      const texts = i === 0 ? none : await pending.shift()!;
      if (i > 0) pending.push(request(chunks[i + 2]));
      const part = lint(chunks[i]!, texts);
      run.results.push(...part.results);
      run.unreadable.push(...part.unreadable);
      run.ignored.push(...part.ignored);
    }
    return run;
  } finally {
    void reader.terminate();
  }
}

/** Drafts are about 1 KB; a larger file (up to the draft size limits) is simply read by the linting thread. */
const READ_AHEAD_MAX_BYTES = 256 * 1024;

/**
 * The reading thread (CommonJS, evaluated): for each list of paths, the bytes of all the files read, one after the
 * other in one buffer, and where each file ends (-1: not read). One buffer per list: handing over an ArrayBuffer per
 * file cost the linting thread ≈ 4 µs per file to receive, and the garbage collector as much again.
 */
const READER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { openSync, fstatSync, readSync, closeSync } = require('node:fs');
let buffer = new Uint8Array(1 << 20);
let used = 0;
function read(file) {
  let fd;
  try {
    fd = openSync(file, 'r');
    const stats = fstatSync(fd);
    if (!stats.isFile() || stats.size > workerData.maxBytes) return -1;
    if (used + stats.size > buffer.length) {
      const larger = new Uint8Array(Math.max(buffer.length * 2, used + stats.size));
      larger.set(buffer.subarray(0, used));
      buffer = larger;
    }
    let filled = 0;
    while (filled < stats.size) {
      const n = readSync(fd, buffer, used + filled, stats.size - filled, null);
      if (n === 0) break;
      filled += n;
    }
    used += filled;
    return used;
  } catch {
    return -1;
  } finally {
    try {
      if (fd !== undefined) closeSync(fd);
    } catch {
      // Nothing to do: the file was read or is left to the linting thread.
    }
  }
}
parentPort.on('message', (files) => {
  used = 0;
  const ends = Int32Array.from(files, read);
  const bytes = buffer.slice(0, used);
  parentPort.postMessage({ bytes, ends }, [bytes.buffer]);
});
`;

function inChunks(files: readonly string[]): string[][] {
  const chunks: string[][] = [];
  for (let i = 0; i < files.length; i += CHUNK_SIZE) chunks.push(files.slice(i, i + CHUNK_SIZE));
  return chunks;
}

/** Files per unit of work: small enough to balance the threads, large enough to keep messaging cheap. */
const CHUNK_SIZE = 100;

/** Version of the cached result shape (FileResult, ProjectKey): a change invalidates caches of older builds. */
const RESULT_FORMAT = 'results-2';

/** `--cache`: reuse results of unchanged drafts; lint only the others (in parallel when there are many). */
async function lintWithCache(files: readonly string[], options: LintFilesOptions, catalog: RuleCatalog, resolver: ConfigResolver): Promise<LintRun> {
  const overrides = options.ruleOverrides ? JSON.stringify([...options.ruleOverrides].sort()) : '';
  const globalKey = `${RESULT_FORMAT}\0${options.toolVersion ?? ''}\0${catalog.version}\0${catalog.fingerprint?.() ?? ''}\0${overrides}`;
  const cache = new LintCache(options.cacheLocation!, globalKey);
  const hits = new Map<string, FileResult>();
  const keys = new Map<string, string>();
  const misses: string[] = [];
  for (const file of files) {
    let content: Buffer;
    try {
      content = readFileSync(file);
    } catch {
      misses.push(file);
      continue;
    }
    const key = LintCache.keyFor(content, resolver.forFile(file).hash);
    keys.set(file, key);
    const hit = cache.get(file, key);
    if (hit) hits.set(file, hit);
    else misses.push(file);
  }
  const run = misses.length > 0 ? await lintFiles(misses, { ...options, cacheLocation: undefined }) : { results: [], unreadable: [], ignored: [] };
  for (const result of run.results) {
    const key = keys.get(result.filePath);
    if (key) cache.set(result.filePath, key, withoutProjectFindings(result));
  }
  cache.save();
  const fresh = new Map(run.results.map((r) => [r.filePath, r]));
  const results: FileResult[] = [];
  for (const file of files) {
    const result = hits.get(file) ?? fresh.get(file);
    if (result) results.push(result);
  }
  return { results: resolveProjectKeys(results), unreadable: run.unreadable, ignored: run.ignored };
}

/** Cross-file findings depend on the other files of a run: cache a file's own findings only. */
function withoutProjectFindings(result: FileResult): FileResult {
  const keys = result.projectKeys;
  if (!keys?.length) return result;
  const messages = result.messages.filter((m) => !keys.some((k) => k.ruleId === m.ruleId && k.range[0] === m.range[0]));
  return messages.length === result.messages.length ? result : { ...summarize(result.filePath, messages, result.templates), projectKeys: keys };
}

interface LintWorker {
  /** Pulls chunks from `next` until it is empty; resolves with this worker's runs. */
  drain(next: () => string[] | undefined): Promise<LintRun[]>;
  stop(): void;
}

/** The argument lint worker threads are started with (see `workerModule`). */
export const LINT_WORKER_ARGUMENT = '--pesan-lint-worker';

function startWorker(options: LintFilesOptions): LintWorker {
  const input: LintWorkerInput = {
    // A worker bundle brings its own catalog: naming a module would make it load the rules a second time.
    ...(options.workerModule ? {} : { catalogModule: options.catalogModule }),
    ...(options.configFile ? { configFile: options.configFile } : {}),
    ...(options.ruleOverrides ? { ruleOverrides: [...options.ruleOverrides] } : {}),
    ...(options.explicit ? { explicit: [...options.explicit] } : {}),
  };
  // The default script is resolved through the package name, so it also holds when the caller is a bundle.
  const script = options.workerModule ?? new URL('./parallel/worker-entry.js', import.meta.resolve('@pesan/core'));
  const worker = new (nodeWorkerThreads().Worker)(script, { workerData: input, argv: [LINT_WORKER_ARGUMENT] });
  let failure: Error | undefined;
  const ready = new Promise<void>((resolve, reject) => {
    worker.once('message', (message: { ready?: boolean; error?: string }) => (message.ready ? resolve() : reject(new Error(message.error ?? 'worker failed'))));
    worker.once('error', (error) => {
      failure = error;
      reject(error);
    });
  });
  return {
    async drain(next) {
      await ready;
      const runs: LintRun[] = [];
      for (let chunk = next(); chunk; chunk = next()) {
        const files = chunk;
        const run = await new Promise<LintRun>((resolve, reject) => {
          worker.once('message', (message: { run?: LintRun; error?: string }) => (message.run ? resolve(message.run) : reject(new Error(message.error ?? 'worker failed'))));
          if (failure) reject(failure);
          worker.postMessage({ files });
        });
        runs.push(run);
      }
      return runs;
    },
    stop() {
      void worker.terminate();
    },
  };
}
