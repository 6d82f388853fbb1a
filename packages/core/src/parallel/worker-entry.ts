import { isMainThread, workerData } from 'node:worker_threads';
import { loadCatalog } from './lint-files.js';
import { serveLintWorker, type LintWorkerInput } from './worker.js';

// The script of an unbundled lint worker thread: load the catalog module the parent named and serve. (A separate
// module from worker.ts, which the CLI bundle includes for serveLintWorker: top-level code there would run, and
// load worker_threads, in every bundled process.)
const started = isMainThread ? undefined : (workerData as LintWorkerInput | undefined);
if (started?.catalogModule) void serveLintWorker(loadCatalog(started.catalogModule));
