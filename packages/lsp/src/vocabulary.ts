import path from 'node:path';
import { isMap, isSeq, parseDocument, stringify } from 'yaml';

export interface Vocabulary {
  accept: string[];
  reject: string[];
}

/** The smallest replacement turning `before` into `after`: a common prefix and suffix are kept. */
export interface TextReplacement {
  start: number;
  end: number;
  text: string;
}

export function minimalReplacement(before: string, after: string): TextReplacement {
  let start = 0;
  const max = Math.min(before.length, after.length);
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let endBefore = before.length;
  let endAfter = after.length;
  while (endBefore > start && endAfter > start && before.charCodeAt(endBefore - 1) === after.charCodeAt(endAfter - 1)) {
    endBefore--;
    endAfter--;
  }
  return { start, end: endBefore, text: after.slice(start, endAfter) };
}

function sameTerm(a: string, b: string): boolean {
  return a.localeCompare(b, undefined, { sensitivity: 'accent' }) === 0;
}

/**
 * The text of a config file with `term` added to `vocabulary.accept`, or undefined when the file cannot take it
 * (not parseable, `vocabulary` of the wrong shape) or already accepts the term.
 *
 * `inherited` is the vocabulary the file currently gets from `extends`: a config's own `vocabulary` replaces its
 * parent's, so a file that has none yet starts from the inherited lists to keep them in force.
 */
export function withAcceptedTerm(configFile: string, text: string, term: string, inherited?: Vocabulary): string | undefined {
  const seed = (): { accept: string[]; reject?: string[] } => ({
    accept: [...(inherited?.accept ?? []), term],
    ...(inherited?.reject.length ? { reject: [...inherited.reject] } : {}),
  });
  if (inherited?.accept.some((t) => sameTerm(t, term))) return undefined;
  if (configFile.endsWith('.json')) {
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch {
      return undefined;
    }
    if (typeof data !== 'object' || data === null || Array.isArray(data)) return undefined;
    const isPackageJson = path.basename(configFile) === 'package.json';
    const root = data as Record<string, unknown>;
    if (isPackageJson && (typeof root.pesan !== 'object' || root.pesan === null)) root.pesan = {};
    const config = (isPackageJson ? root.pesan : root) as Record<string, unknown>;
    const vocabulary = config.vocabulary;
    if (vocabulary === undefined) config.vocabulary = seed();
    else if (typeof vocabulary === 'object' && vocabulary !== null && !Array.isArray(vocabulary)) {
      const v = vocabulary as Record<string, unknown>;
      if (v.accept === undefined) v.accept = [term];
      else if (Array.isArray(v.accept)) {
        if (v.accept.some((t) => typeof t === 'string' && sameTerm(t, term))) return undefined;
        v.accept.push(term);
      } else return undefined;
    } else return undefined;
    const indent = /^([ \t]+)"/m.exec(text)?.[1] ?? '  ';
    const eol = text.includes('\r\n') ? '\r\n' : '\n';
    const out = JSON.stringify(data, null, indent).replace(/\n/g, eol);
    return /\r?\n$/.test(text) || text === '' ? out + eol : out;
  }
  const doc = parseDocument(text, { keepSourceTokens: false });
  if (doc.errors.length > 0) return undefined;
  if (doc.contents !== null && doc.contents !== undefined && !isMap(doc.contents)) return undefined;
  const vocabulary = doc.contents ? doc.get('vocabulary', true) : undefined;
  if (vocabulary === undefined || vocabulary === null) {
    doc.set('vocabulary', doc.createNode(seed()));
  } else if (isMap(vocabulary)) {
    const accept = vocabulary.get('accept', true);
    if (accept === undefined || accept === null) vocabulary.set('accept', doc.createNode([term]));
    else if (isSeq(accept)) {
      if (accept.items.some((item) => sameTerm(String((item as { value?: unknown }).value ?? item), term))) return undefined;
      accept.add(doc.createNode(term));
    } else return undefined;
  } else return undefined;
  const out = doc.toString({ lineWidth: 0 });
  return text.includes('\r\n') ? out.replace(/\r?\n/g, '\r\n') : out;
}

/** Content of a new `pesan.config.yaml` that only accepts `term`. */
export function newConfigWithTerm(term: string): string {
  return `# Pesan configuration (see the README, section "Configuration").\n${stringify({ vocabulary: { accept: [term] } }, { lineWidth: 0 })}`;
}
