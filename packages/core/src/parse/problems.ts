import type { z } from 'zod';
import type { Range } from '../source/text.js';
import { rangeForPath, findPair, locate, type PathKey, type YamlSource } from './yaml-nodes.js';
import { isMap } from 'yaml';

/** A problem found while reading a file, before any rule runs. */
export interface ParseProblem {
  /** `parse-error` (the draft cannot be read) or `template-schema` (wrong shape, unknown key). */
  ruleId: 'parse-error' | 'template-schema';
  message: string;
  range: Range;
}

/** A directive comment (`pesan-disable`...) found in a draft. */
export interface Directive {
  kind: 'disable' | 'enable' | 'disable-line' | 'disable-next-line';
  /** Rule ids named by the directive; empty means every rule. */
  ruleIds: { id: string; range: Range }[];
  reason?: string;
  range: Range;
  /** 1-based line the directive sits on. */
  line: number;
}

export function pathLabel(path: readonly PathKey[]): string {
  let out = '';
  for (const key of path) out += typeof key === 'number' ? `[${key}]` : out ? `.${key}` : key;
  return out || '(root)';
}

/** Turns zod issues into positioned `template-schema` problems. */
export function schemaProblems(
  issues: readonly z.core.$ZodIssue[],
  source: YamlSource,
  basePath: readonly PathKey[],
  what: string,
  knownKeys: (path: readonly PathKey[]) => readonly string[] | undefined,
): ParseProblem[] {
  const problems: ParseProblem[] = [];
  for (const issue of issues) {
    const path = [...basePath, ...(issue.path as PathKey[])];
    if (issue.code === 'unrecognized_keys') {
      const found = locate(source, path);
      for (const key of issue.keys) {
        const pair = found && isMap(found.node) ? findPair(found.node, key) : undefined;
        const keyNode = pair?.key as { range?: [number, number, number] } | undefined;
        const range: Range = keyNode?.range
          ? [source.base + keyNode.range[0], source.base + keyNode.range[1]]
          : rangeForPath(source, path);
        const known = knownKeys(issue.path as PathKey[]);
        const hint = known ? ` Expected one of: ${known.join(', ')}.` : '';
        problems.push({
          ruleId: 'template-schema',
          message: `Unexpected key \`${key}\` in ${what}${path.length > basePath.length ? ` at \`${pathLabel(issue.path as PathKey[])}\`` : ''}.${hint}`,
          range,
        });
      }
      continue;
    }
    const where = issue.path.length ? `\`${pathLabel(issue.path as PathKey[])}\`` : what;
    const missing = issue.code === 'invalid_type' && locate(source, path) === undefined;
    problems.push({
      ruleId: 'template-schema',
      message: missing ? `Missing required key ${where} in ${what}: ${issue.message}.` : `Invalid ${where}: ${issue.message}.`,
      range: rangeForPath(source, path),
    });
  }
  return problems;
}
