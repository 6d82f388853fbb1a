import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { AnalyticsError } from '../errors.js';
import { detectFile } from './detect.js';

export interface ExpandedInputs {
  files: string[];
  /** Files found in directories that are not exports (a README, a truth file): listed, not ingested. */
  skipped: string[];
}

/**
 * Files named on the command line are ingested as they are (one Pesan cannot read is an error); directories are
 * searched recursively, in name order, and files in them that are not exports are skipped and listed.
 */
export function expandIngestInputs(inputs: readonly string[]): ExpandedInputs {
  const files: string[] = [];
  const skipped: string[] = [];
  for (const input of inputs) {
    let stats;
    try {
      stats = statSync(input);
    } catch {
      throw new AnalyticsError(`${input}: no such file or directory.`);
    }
    if (stats.isDirectory()) {
      for (const file of walk(input)) {
        try {
          detectFile(file);
          files.push(file);
        } catch (error) {
          if (!(error instanceof AnalyticsError)) throw error;
          skipped.push(file);
        }
      }
    } else {
      files.push(input);
    }
  }
  return { files: [...new Set(files)], skipped };
}

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...walk(full));
    else if (entry.isFile()) out.push(full);
  }
  return out;
}
