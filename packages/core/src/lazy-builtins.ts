import { createRequire } from 'node:module';

/**
 * Node built-ins that only some runs need, loaded on first use. A static import loads a built-in on every start,
 * and in the bundled CLI every start pays for all of them: `node:crypto` with the stream modules it pulls in
 * ≈ 5 ms and `node:worker_threads` ≈ 3 ms, out of the 300 ms a one-file lint may take in all. The hashes (config,
 * `--cache`, catalog fingerprint) and the worker threads are used by some runs only.
 */
const requireBuiltin = createRequire(import.meta.url);

export function nodeCrypto(): typeof import('node:crypto') {
  return requireBuiltin('node:crypto') as typeof import('node:crypto');
}

export function nodeWorkerThreads(): typeof import('node:worker_threads') {
  return requireBuiltin('node:worker_threads') as typeof import('node:worker_threads');
}
