import { parentPort, workerData } from 'node:worker_threads';
import { lintFilesInProcess, loadCatalog } from './lint-files.js';
import type { Severity } from '../engine/rule.js';

interface WorkerInput {
  catalogModule: string;
  configFile?: string;
  ruleOverrides?: [string, Severity][];
  explicit?: string[];
}

/** A lint worker: loads the rules once, says it is ready, then lints each chunk of files it is sent. */
const input = workerData as WorkerInput;
try {
  const catalog = await loadCatalog(input.catalogModule);
  const options = {
    ...(input.configFile ? { configFile: input.configFile } : {}),
    ...(input.ruleOverrides ? { ruleOverrides: new Map(input.ruleOverrides) } : {}),
    ...(input.explicit ? { explicit: new Set(input.explicit) } : {}),
  };
  parentPort?.on('message', (message: { files: string[] }) => {
    try {
      parentPort?.postMessage({ run: lintFilesInProcess(message.files, catalog, options) });
    } catch (error) {
      parentPort?.postMessage({ error: error instanceof Error ? error.message : String(error) });
    }
  });
  parentPort?.postMessage({ ready: true });
} catch (error) {
  parentPort?.postMessage({ error: error instanceof Error ? error.message : String(error) });
}
