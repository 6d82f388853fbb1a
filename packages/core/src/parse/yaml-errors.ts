import type { Document } from 'yaml';
import type { ParseProblem } from './problems.js';
import type { YamlSource } from './yaml-nodes.js';

/** Aliases expand on conversion; a small cap stops "billion laughs" documents from exhausting memory. */
const MAX_ALIAS_COUNT = 100;

export function yamlErrorProblems(doc: Document.Parsed, source: YamlSource, what: string): ParseProblem[] {
  return doc.errors.map((error) => {
    let [s, e] = error.pos;
    if (/closing .?quote/i.test(error.message)) {
      // The parser notices a missing closing quote where the document ends; blame the quote that was opened.
      const opened = unclosedQuote(source.src);
      if (opened !== undefined) [s, e] = [opened, opened + 1];
    }
    const reason = error.code === 'DUPLICATE_KEY' ? 'duplicate key (each key may appear once)' : error.message.split('\n')[0];
    // The parser may point one past the end of its source: keep the range inside it.
    s = Math.min(s, source.src.length);
    e = Math.min(Math.max(s, e), source.src.length);
    return {
      ruleId: 'parse-error' as const,
      message: `Invalid YAML in ${what}: ${reason}. Fix the syntax at this position.`,
      range: [source.base + s, source.base + e] as const,
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

/** Offset of the first quote character that opens a string never closed on its line (YAML or JSON style). */
function unclosedQuote(src: string): number | undefined {
  let offset = 0;
  for (const line of src.split('\n')) {
    const value = /:\s*(["'])/.exec(line) ?? /^\s*-\s*(["'])/.exec(line);
    if (value) {
      const quote = value[1]!;
      const start = value.index + value[0].length - 1;
      const rest = line.slice(start + 1);
      const closed = quote === '"' ? /(^|[^\\])"/.test(rest) : rest.includes("'");
      if (!closed) return offset + start;
    }
    offset += line.length + 1;
  }
  return undefined;
}
