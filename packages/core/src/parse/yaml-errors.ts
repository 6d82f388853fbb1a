import type { Document } from 'yaml';
import type { ParseProblem } from './problems.js';
import type { YamlSource } from './yaml-nodes.js';

/** Aliases expand on conversion; a small cap stops "billion laughs" documents from exhausting memory. */
const MAX_ALIAS_COUNT = 100;

export function yamlErrorProblems(doc: Document.Parsed, source: YamlSource, what: string): ParseProblem[] {
  return doc.errors.map((error) => {
    const [s, e] = error.pos;
    const reason = error.code === 'DUPLICATE_KEY' ? 'duplicate key (each key may appear once)' : error.message.split('\n')[0];
    return {
      ruleId: 'parse-error' as const,
      message: `Invalid YAML in ${what}: ${reason}. Fix the syntax at this position.`,
      range: [source.base + s, source.base + Math.max(s, e)] as const,
    };
  });
}

export function toJsSafely(doc: Document.Parsed, source: YamlSource): { value: unknown } | { problem: ParseProblem } {
  try {
    return { value: doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return {
      problem: {
        ruleId: 'parse-error',
        message: `Cannot read the YAML: ${message}. Avoid aliases (\`*name\`) that expand into large structures.`,
        range: [source.base, source.base + Math.min(source.src.length, 3)],
      },
    };
  }
}
