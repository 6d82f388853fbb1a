import type { Range } from '../source/text.js';
import type { Directive } from './problems.js';

/**
 * Directive syntax, shared by HTML comments in the body and YAML comments in front matter:
 *   pesan-disable rule-a, rule-b -- reason
 *   pesan-enable [rule-a]
 *   pesan-disable-line [rule-a]
 *   pesan-disable-next-line [rule-a]
 */
const DIRECTIVE = /^pesan-(disable-next-line|disable-line|disable|enable)(?=\s|$)([\s\S]*)$/;

/**
 * Parses the inside of a comment (`content`, starting at file offset `contentStart`). Returns undefined when the
 * comment is not a Pesan directive.
 */
export function parseDirective(content: string, contentStart: number, range: Range, line: number): Directive | undefined {
  const leading = content.length - content.trimStart().length;
  const body = content.trim();
  const match = DIRECTIVE.exec(body);
  if (!match) return undefined;
  const kind = match[1] as Directive['kind'];
  let rest = match[2] ?? '';
  const restStart = contentStart + leading + body.length - rest.length;
  let reason: string | undefined;
  const dash = rest.search(/\s--(\s|$)/);
  if (dash !== -1) {
    reason = rest.slice(dash).replace(/^\s--\s*/, '').trim() || undefined;
    rest = rest.slice(0, dash);
  }
  const ruleIds: { id: string; range: Range }[] = [];
  const ID = /[^\s,]+/g;
  for (let m = ID.exec(rest); m; m = ID.exec(rest)) {
    ruleIds.push({ id: m[0], range: [restStart + m.index, restStart + m.index + m[0].length] });
  }
  return reason === undefined ? { kind, ruleIds, range, line } : { kind, ruleIds, reason, range, line };
}

const HTML_COMMENT = /<!--([\s\S]*?)-->/g;

/** Finds directive comments inside an HTML chunk that starts at file offset `start`. */
export function directivesInHtml(html: string, start: number, lineOf: (offset: number) => number): { directive: Directive; range: Range }[] {
  const out: { directive: Directive; range: Range }[] = [];
  HTML_COMMENT.lastIndex = 0;
  for (let m = HTML_COMMENT.exec(html); m; m = HTML_COMMENT.exec(html)) {
    const range: Range = [start + m.index, start + m.index + m[0].length];
    const directive = parseDirective(m[1] ?? '', start + m.index + 4, range, lineOf(range[0]));
    if (directive) out.push({ directive, range });
  }
  return out;
}

const YAML_COMMENT = /#\s*(pesan-[^\n\r]*)/g;

/** Finds `# pesan-...` comments in front matter. `src` starts at file offset `base`. */
export function directivesInYaml(src: string, base: number, lineOf: (offset: number) => number): Directive[] {
  const out: Directive[] = [];
  YAML_COMMENT.lastIndex = 0;
  for (let m = YAML_COMMENT.exec(src); m; m = YAML_COMMENT.exec(src)) {
    // Only real comments: `#` at line start or after whitespace (a `#` inside `Order #1` is not a comment).
    const before = m.index === 0 ? '\n' : src[m.index - 1];
    if (before !== ' ' && before !== '\t' && before !== '\n' && before !== '\r') continue;
    const content = m[1] ?? '';
    const contentStart = base + m.index + m[0].length - content.length;
    const range: Range = [base + m.index, base + m.index + m[0].length];
    const directive = parseDirective(content, contentStart, range, lineOf(range[0]));
    if (directive) out.push(directive);
  }
  return out;
}
