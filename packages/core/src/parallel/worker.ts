import { nodeWorkerThreads } from '../lazy-builtins.js';
import { inProcessLinter } from './lint-files.js';
import type { RuleCatalog } from '../config/resolve.js';
import type { Severity } from '../engine/rule.js';

/** What `lintFiles` hands each worker. */
export interface LintWorkerInput {
  /** Module to load the rule catalog from; absent when the worker script brings its own catalog (a bundle). */
  catalogModule?: string;
  configFile?: string;
  ruleOverrides?: [string, Severity][];
  explicit?: string[];
}

/**
 * A lint worker: gets the rules once, says it is ready, then lints each chunk of files it is sent. Exported so that a
 * single-file bundle (the CLI's, see `workerModule` in lint-files.ts) can serve with the catalog it carries instead
 * of importing ~350 separate rule modules at start-up.
 */
export async function serveLintWorker(catalog: RuleCatalog | Promise<RuleCatalog>): Promise<void> {
  const { parentPort: port, workerData } = nodeWorkerThreads();
  if (!port) throw new Error('serveLintWorker() must run in a worker thread started by lintFiles()');
  const input = workerData as LintWorkerInput;
  try {
    const lint = inProcessLinter(await catalog, {
      ...(input.configFile ? { configFile: input.configFile } : {}),
      ...(input.ruleOverrides ? { ruleOverrides: new Map(input.ruleOverrides) } : {}),
      ...(input.explicit ? { explicit: new Set(input.explicit) } : {}),
    });
    port.on('message', (message: { files: string[] }) => {
      try {
        port.postMessage({ run: lint(message.files) });
      } catch (error) {
        port.postMessage({ error: error instanceof Error ? error.message : String(error) });
      }
    });
    port.postMessage({ ready: true });
  } catch (error) {
    port.postMessage({ error: error instanceof Error ? error.message : String(error) });
  }
}
