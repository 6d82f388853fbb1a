import { Parser } from 'yaml';
import type { Range } from '../source/text.js';
import type { ParseProblem } from './problems.js';

/**
 * Input limits that keep time and memory bounded on hostile or accidental input (a data dump matched by a glob,
 * a generated file, a YAML "billion laughs"). Each is far above what a template needs.
 */

/**
 * Largest draft file, in UTF-8 bytes: a Markdown draft holds one template (Meta's longest text is a 1,024-character
 * body), a Meta JSON file may hold a whole account's `message_templates` export (thousands of templates).
 */
export const MAX_DRAFT_BYTES = { markdown: 1024 * 1024, 'meta-json': 8 * 1024 * 1024 } as const;

/** Longest YAML front matter, in UTF-16 units (a template's front matter is about 1 KB). */
export const MAX_FRONT_MATTER_CHARS = 64 * 1024;

/** Deepest nesting of YAML or JSON collections (a template needs about 7: data, template, components, example...). */
export const MAX_NESTING = 64;

/** Longest Markdown body that is parsed as Markdown to find directive comments (16× Meta's 1,024 characters). */
export const MAX_MARKDOWN_TREE_CHARS = 16 * 1024;

/** Widest line prefix of quote markers, list markers and indentation in a body parsed as Markdown. */
export const MAX_MARKDOWN_PREFIX = 100;

export function formatBytes(bytes: number): string {
  const mib = 1024 * 1024;
  if (bytes >= mib) return `${Number.isInteger(bytes / mib) ? bytes / mib : (bytes / mib).toFixed(2)} MB`;
  return `${Number.isInteger(bytes / 1024) ? bytes / 1024 : (bytes / 1024).toFixed(1)} KB`;
}

/** Why a draft of `size` bytes (or UTF-16 units) is not read, or undefined when it is within the limit. */
export function draftSizeProblem(format: 'markdown' | 'meta-json', size: number): string | undefined {
  const max = MAX_DRAFT_BYTES[format];
  if (size <= max) return undefined;
  const what = format === 'markdown' ? 'a Markdown draft holds one template and' : 'a Meta JSON file of templates';
  return `too large to be a draft (${formatBytes(size)}; ${what} is at most ${formatBytes(max)})`;
}

/**
 * Nesting deeper than MAX_NESTING in JSON text that JSON.parse accepted: a problem at the bracket that goes too
 * deep. Checked before the `yaml` parser builds its tree, whose recursion a deep enough document overflows.
 */
export function jsonNestingProblem(text: string): ParseProblem | undefined {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) {
      // Skip a string (JSON.parse accepted the text, so it is closed).
      for (i++; i < text.length; i++) {
        const d = text.charCodeAt(i);
        if (d === 92) i++;
        else if (d === 34) break;
      }
    } else if (c === 91 || c === 123) {
      if (++depth > MAX_NESTING) return nestingProblem('JSON', [i, i + 1]);
    } else if (c === 93 || c === 125) depth--;
  }
  return undefined;
}

/** Front matter longer than MAX_FRONT_MATTER_CHARS (`src` starts at file offset `base`). */
export function frontMatterSizeProblem(src: string, base: number): ParseProblem | undefined {
  if (src.length <= MAX_FRONT_MATTER_CHARS) return undefined;
  return {
    ruleId: 'parse-error',
    message: `Front matter too long (${formatBytes(src.length)}; at most ${formatBytes(MAX_FRONT_MATTER_CHARS)}, a template needs about 1 KB): the draft is not read. Check that the closing \`---\` line is where it should be.`,
    range: [base + MAX_FRONT_MATTER_CHARS, base + MAX_FRONT_MATTER_CHARS + 1],
  };
}

/** Characters that open a YAML collection level: each level needs at least one of them. */

/**
 * Nesting deeper than MAX_NESTING in YAML source (`src` starts at file offset `base`). Every level of nesting needs
 * its own `-`, `:`, `?`, `[` or `{`, so sources with few of them are let through without a look; the others are
 * measured on the concrete syntax tree, which the `yaml` parser builds without recursion.
 */
export function yamlNestingProblem(src: string, base: number): ParseProblem | undefined {
  // Counted with a plain loop: a regex's match objects cost more than the count itself on every draft.
  let indicators = 0;
  for (let i = 0; i < src.length && indicators <= MAX_NESTING; i++) {
    const c = src.charCodeAt(i);
    if (c === 0x5b || c === 0x7b || c === 0x3a || c === 0x3f || c === 0x2d) indicators++; // [ { : ? -
  }
  if (indicators <= MAX_NESTING) return undefined;
  type Node = { type?: string; offset?: number; value?: unknown; items?: { key?: unknown; value?: unknown }[] };
  for (const doc of new Parser().parse(src)) {
    const stack: [Node | undefined, number][] = [[doc as Node, 0]];
    while (stack.length > 0) {
      const [token, depth] = stack.pop()!;
      if (!token || typeof token !== 'object') continue;
      if (depth > MAX_NESTING) {
        const at = typeof token.offset === 'number' ? token.offset : 0;
        return nestingProblem('YAML', [base + at, base + Math.min(at + 1, src.length)]);
      }
      // The document's root collection is level 1, as the outermost bracket of a JSON file is.
      if (token.type === 'document') stack.push([token.value as Node, depth + 1]);
      else if (Array.isArray(token.items)) {
        for (const item of token.items) {
          stack.push([item.key as Node, depth + 1]);
          stack.push([item.value as Node, depth + 1]);
        }
      }
    }
  }
  return undefined;
}

function nestingProblem(what: string, range: Range): ParseProblem {
  return {
    ruleId: 'parse-error',
    message: `Invalid ${what}: nested more than ${MAX_NESTING} levels deep here (a template needs fewer than 10). Flatten the structure.`,
    range,
  };
}

/**
 * Why a Markdown body is not parsed as Markdown (to find directive comments), or undefined when it can be: the
 * Markdown parser's time grows faster than the body on long bodies and on deeply nested quotes and lists.
 */
export function markdownTreeProblem(body: string, bodyStart: number): ParseProblem | undefined {
  if (body.length > MAX_MARKDOWN_TREE_CHARS) {
    return {
      ruleId: 'parse-error',
      message: `Body too long to read its directive comments (${body.length} characters; at most ${MAX_MARKDOWN_TREE_CHARS}, and Meta allows 1,024): the \`<!-- pesan-... -->\` comments in it are ignored.`,
      range: [bodyStart + MAX_MARKDOWN_TREE_CHARS, bodyStart + Math.min(body.length, MAX_MARKDOWN_TREE_CHARS + 1)],
    };
  }
  const PREFIX = /^(?:[ \t>]|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t]))*/gm;
  for (let m = PREFIX.exec(body); m; m = PREFIX.exec(body)) {
    if (m[0].length === 0) {
      PREFIX.lastIndex++;
      continue;
    }
    if (m[0].length > MAX_MARKDOWN_PREFIX) {
      return {
        ruleId: 'parse-error',
        message: `Body nested too deeply to read its directive comments (quotes, lists or indentation ${m[0].length} characters wide here; at most ${MAX_MARKDOWN_PREFIX}): the \`<!-- pesan-... -->\` comments in it are ignored.`,
        range: [bodyStart + m.index + MAX_MARKDOWN_PREFIX, bodyStart + m.index + MAX_MARKDOWN_PREFIX + 1],
      };
    }
  }
  return undefined;
}
