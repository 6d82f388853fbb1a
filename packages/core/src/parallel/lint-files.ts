import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { readFileSync } from 'node:fs';
import { LintCache } from './cache.js';
import { Linter, type LintOptions } from '../engine/linter.js';
import { resolveProjectKeys, summarize, type FileResult } from '../engine/finding.js';
import { ConfigResolver, isIgnored, type RuleCatalog } from '../config/resolve.js';
import { readTextFile, UnreadableFileError } from '../files/read.js';
import type { Severity } from '../engine/rule.js';

export interface LintFilesOptions {
  /** URL or specifier of a module exporting `catalog: RuleCatalog` (loaded inside worker threads). */
  catalogModule: string;
  /** The same catalog, already loaded in this thread (saves importing it a second time). */
  catalog?: RuleCatalog;
  configFile?: string;
  ruleOverrides?: ReadonlyMap<string, Severity>;
  /** Worker threads to use: `auto` (one per core when there are enough files), or a number (1 = in-process). */
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
export function lintFilesInProcess(files: readonly string[], catalog: RuleCatalog, options: Omit<LintFilesOptions, 'catalogModule' | 'concurrency'>): LintRun {
  const linter = new Linter(catalog);
  const resolver = new ConfigResolver(linter.fullCatalog, options.configFile);
  const lintOptions: LintOptions = options.ruleOverrides ? { ruleOverrides: options.ruleOverrides } : {};
  const run: LintRun = { results: [], unreadable: [], ignored: [] };
  for (const filePath of files) {
    const config = resolver.forFile(filePath);
    if (isIgnored(config, filePath) && !options.explicit?.has(filePath)) {
      run.ignored.push(filePath);
      continue;
    }
    let text: string;
    try {
      text = readTextFile(filePath);
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
}

/**
 * Lints many files with this thread and worker threads (one per extra core). Workers are started first, so they
 * load the rules while this thread resolves configs; then every thread pulls chunks of files from one queue, so
 * a slow thread never holds the run back. Each draft is parsed once; rules are compiled once per thread.
 * Results come back in the order of `files`.
 */
export async function lintFiles(files: readonly string[], options: LintFilesOptions): Promise<LintRun> {
  const cores = availableParallelism();
  const wanted = options.concurrency === 'auto' || options.concurrency === undefined ? cores : Math.max(1, options.concurrency);
  const threads = options.cacheLocation ? 1 : Math.max(1, Math.min(wanted, Math.floor(files.length / MIN_FILES_PER_WORKER)));
  const { catalogModule: _m, catalog: _k, concurrency: _c, cacheLocation: _l, toolVersion: _v, ...shared } = options;
  const workers = Array.from({ length: threads - 1 }, () => startWorker(options));
  try {
    const catalog = options.catalog ?? (await loadCatalog(options.catalogModule));
    // Resolve configs up front in this thread so a bad config fails once, with a clear message, before any work.
    const resolver = new ConfigResolver(new Linter(catalog).fullCatalog, options.configFile);
    for (const file of files) resolver.forFile(file);
    if (options.cacheLocation) return await lintWithCache(files, options, catalog, resolver);
    if (threads === 1) {
      const run = lintFilesInProcess(files, catalog, shared);
      return { ...run, results: resolveProjectKeys(run.results) };
    }

    const chunks: string[][] = [];
    for (let i = 0; i < files.length; i += CHUNK_SIZE) chunks.push(files.slice(i, i + CHUNK_SIZE));
    const runs: LintRun[] = [];
    const next = (): string[] | undefined => chunks.shift();
    const workerRuns = workers.map((worker) => worker.drain(next));
    // This thread takes chunks too, yielding between them so idle workers get their next chunk at once.
    for (let chunk = next(); chunk; chunk = next()) {
      runs.push(lintFilesInProcess(chunk, catalog, shared));
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

/** Files per unit of work: small enough to balance the threads, large enough to keep messaging cheap. */
const CHUNK_SIZE = 100;

/** `--cache`: reuse results of unchanged drafts; lint only the others (in parallel when there are many). */
async function lintWithCache(files: readonly string[], options: LintFilesOptions, catalog: RuleCatalog, resolver: ConfigResolver): Promise<LintRun> {
  const overrides = options.ruleOverrides ? JSON.stringify([...options.ruleOverrides].sort()) : '';
  const globalKey = `${options.toolVersion ?? ''}\0${catalog.version}\0${catalog.fingerprint?.() ?? ''}\0${overrides}`;
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

function startWorker(options: LintFilesOptions): LintWorker {
  // Resolved through the package name, so it also holds when the CLI runs from a single-file bundle.
  const worker = new Worker(new URL('./parallel/worker.js', import.meta.resolve('@pesan/core')), {
    workerData: {
      catalogModule: options.catalogModule,
      configFile: options.configFile,
      ruleOverrides: options.ruleOverrides ? [...options.ruleOverrides] : undefined,
      explicit: options.explicit ? [...options.explicit] : undefined,
    },
  });
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
