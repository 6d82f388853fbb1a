import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { z } from 'zod';
import { summarize, type FileResult, type Finding } from './finding.js';
import { UsageError } from '../config/errors.js';

/**
 * Baseline suppressions (ESLint's bulk suppressions, keyed by finding fingerprint instead of file and count):
 * `--suppress-all` records every current finding; later runs report only findings that are not recorded, so a
 * team can adopt Pesan on an existing template repository and fail CI on new problems only.
 */
export const SUPPRESSIONS_FILE = 'pesan-suppressions.json';

const fileSchema = z.object({
  version: z.literal(1),
  suppressions: z.record(
    z.string(),
    z.object({ ruleId: z.string(), file: z.string(), template: z.string().optional(), text: z.string().optional(), count: z.number().int().positive() }),
  ),
});
export type SuppressionsFile = z.infer<typeof fileSchema>;

export function readSuppressions(location: string): SuppressionsFile | undefined {
  if (!existsSync(location)) return undefined;
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(location, 'utf8'));
  } catch (error) {
    throw new UsageError(`${location}: not valid JSON (${(error as Error).message}); delete it and run \`pesan lint --suppress-all\` again.`);
  }
  const parsed = fileSchema.safeParse(data);
  if (!parsed.success) throw new UsageError(`${location}: not a Pesan suppressions file (${parsed.error.issues[0]?.message}); delete it and run \`pesan lint --suppress-all\` again.`);
  return parsed.data;
}

export function buildSuppressions(results: readonly FileResult[], excerpt: (f: Finding, filePath: string) => string | undefined): SuppressionsFile {
  const out: SuppressionsFile = { version: 1, suppressions: {} };
  for (const r of results) {
    for (const m of r.messages) {
      if (!m.fingerprint || m.ruleId === 'parse-error') continue;
      const entry = out.suppressions[m.fingerprint];
      if (entry) entry.count++;
      else {
        const text = excerpt(m, r.filePath);
        out.suppressions[m.fingerprint] = {
          ruleId: m.ruleId,
          file: r.filePath,
          ...(m.template?.name ? { template: `${m.template.name}/${m.template.language ?? ''}` } : {}),
          ...(text !== undefined ? { text } : {}),
          count: 1,
        };
      }
    }
  }
  // Sorted keys keep the file diff-friendly in code review.
  out.suppressions = Object.fromEntries(Object.entries(out.suppressions).sort(([a], [b]) => a.localeCompare(b)));
  return out;
}

export function writeSuppressions(location: string, file: SuppressionsFile): void {
  writeFileSync(location, `${JSON.stringify(file, null, 2)}\n`);
}

/** Removes recorded findings from the results; returns the unused fingerprints (for `--prune-suppressions`). */
export function applySuppressions(results: readonly FileResult[], file: SuppressionsFile): { results: FileResult[]; unused: string[]; suppressed: number } {
  const remaining = new Map(Object.entries(file.suppressions).map(([k, v]) => [k, v.count]));
  const used = new Set<string>();
  let suppressed = 0;
  const out = results.map((r) => {
    const kept = r.messages.filter((m) => {
      if (!m.fingerprint) return true;
      const left = remaining.get(m.fingerprint) ?? 0;
      if (left <= 0) return true;
      remaining.set(m.fingerprint, left - 1);
      used.add(m.fingerprint);
      suppressed++;
      return false;
    });
    return kept.length === r.messages.length ? r : { ...summarize(r.filePath, kept, r.templates), ...(r.projectKeys ? { projectKeys: r.projectKeys } : {}) };
  });
  const unused = Object.keys(file.suppressions).filter((k) => !used.has(k));
  return { results: out, unused, suppressed };
}
