import { parentPort, workerData } from 'node:worker_threads';
import { lintFilesInProcess, loadCatalog } from './lint-files.js';
import type { Severity } from '../engine/rule.js';

interface WorkerInput {
  files: string[];
  catalogModule: string;
  configFile?: string;
  ruleOverrides?: [string, Severity][];
  explicit?: string[];
}

const input = workerData as WorkerInput;
try {
  const catalog = await loadCatalog(input.catalogModule);
  const run = lintFilesInProcess(input.files, catalog, {
    ...(input.configFile ? { configFile: input.configFile } : {}),
    ...(input.ruleOverrides ? { ruleOverrides: new Map(input.ruleOverrides) } : {}),
    ...(input.explicit ? { explicit: new Set(input.explicit) } : {}),
  });
  parentPort?.postMessage({ run });
} catch (error) {
  parentPort?.postMessage({ error: error instanceof Error ? error.message : String(error) });
}
