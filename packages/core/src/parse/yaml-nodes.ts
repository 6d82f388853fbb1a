import { isMap, isScalar, isSeq, Scalar, type Document, type Node, type Pair, type YAMLMap } from 'yaml';
import { MappedText, MappedTextBuilder } from '../source/mapped-text.js';
import type { Range } from '../source/text.js';
import type { Field, TextField } from '../model/draft.js';

/**
 * Helpers that read values out of a `yaml` Document while keeping file positions. `base` is the file offset at
 * which the YAML source starts (after the `---` line of a Markdown draft; 0 for JSON, which YAML 1.2 parses).
 */
export interface YamlSource {
  /** The parsed document (`yaml`'s, or the same tree built by `readSimpleFrontMatter`): only its root is read. */
  doc: Pick<Document.Parsed, 'contents'> | { contents: Node };
  /** The YAML source text (front matter or the whole JSON file). */
  src: string;
  base: number;
}

export type PathKey = string | number;

export function nodeRange(source: YamlSource, node: Node | null | undefined): Range | undefined {
  const r = node?.range;
  if (!r) return undefined;
  return [source.base + r[0], source.base + r[1]];
}

export function findPair(map: YAMLMap, key: string): Pair<unknown, unknown> | undefined {
  for (const item of map.items) {
    const k = item.key;
    if (isScalar(k) ? k.value === key : k === key) return item as Pair<unknown, unknown>;
  }
  return undefined;
}

/** Finds a key case-insensitively (Meta JSON mixes `type: "BODY"` and `"body"`). */
export function findPairInsensitive(map: YAMLMap, key: string): Pair<unknown, unknown> | undefined {
  const wanted = key.toLowerCase();
  for (const item of map.items) {
    const k = isScalar(item.key) ? item.key.value : item.key;
    if (typeof k === 'string' && k.toLowerCase() === wanted) return item as Pair<unknown, unknown>;
  }
  return undefined;
}

/** A node found in the tree, with its range and, for a map value, the range of its key. */
export interface Located {
  node: Node;
  range: Range;
  keyRange?: Range;
}

/** One step down: the value under `key` of a map node (with the key's range), or item `key` of a sequence node. */
function step(source: YamlSource, parent: unknown, key: PathKey): { node: unknown; keyRange: Range | undefined } | undefined {
  if (typeof key === 'number') return isSeq(parent) ? { node: parent.items[key], keyRange: undefined } : undefined;
  if (!isMap(parent)) return undefined;
  const pair = findPair(parent, key);
  return pair ? { node: pair.value, keyRange: nodeRange(source, pair.key as Node) } : undefined;
}

/** A found node with its range, or undefined for a missing node or one without a range. */
function located(source: YamlSource, node: unknown, keyRange: Range | undefined): Located | undefined {
  const range = nodeRange(source, node as Node | undefined);
  if (!node || !range) return undefined;
  return keyRange ? { node: node as Node, range, keyRange } : { node: node as Node, range };
}

/** One step of `locate`, from a node already found. */
export function locateIn(source: YamlSource, parent: unknown, key: PathKey): Located | undefined {
  const next = step(source, parent, key);
  return next && located(source, next.node, next.keyRange);
}

/** The node at `path` and the range of its key, or undefined. */
export function locate(source: YamlSource, path: readonly PathKey[]): Located | undefined {
  let current: unknown = source.doc.contents;
  let keyRange: Range | undefined;
  for (const key of path) {
    const next = step(source, current, key);
    if (!next) return undefined;
    current = next.node;
    keyRange = next.keyRange;
  }
  return located(source, current, keyRange);
}

/** Best range to blame for a path: the value, else the nearest ancestor that exists. */
export function rangeForPath(source: YamlSource, path: readonly PathKey[]): Range {
  for (let n = path.length; n >= 0; n--) {
    const found = locate(source, path.slice(0, n));
    if (found) return n < path.length && found.keyRange ? found.keyRange : found.range;
  }
  return [source.base, source.base];
}

/** A string (or number, read as its source text) scalar as a positioned TextField; undefined for other nodes. */
export function scalarText(source: YamlSource, node: unknown, keyRange?: Range): TextField | undefined {
  if (!isScalar(node) || !node.range) return undefined;
  const range: Range = [source.base + node.range[0], source.base + node.range[1]];
  const raw = source.src.slice(node.range[0], node.range[1]);
  let value: string;
  if (typeof node.value === 'string') value = node.value;
  else if (typeof node.value === 'number' || typeof node.value === 'bigint') value = raw;
  else return undefined;
  const text = mapScalar(node, value, raw, range[0]) ?? MappedText.opaque(value, range);
  return keyRange ? { value, text, range, keyRange } : { value, text, range };
}

export function scalarField<T>(source: YamlSource, node: unknown, guard: (v: unknown) => v is T, keyRange?: Range): Field<T> | undefined {
  if (!isScalar(node) || !node.range || !guard(node.value)) return undefined;
  const range: Range = [source.base + node.range[0], source.base + node.range[1]];
  return keyRange ? { value: node.value, range, keyRange } : { value: node.value, range };
}

function mapScalar(node: Scalar, value: string, raw: string, start: number): MappedText | undefined {
  switch (node.type) {
    case Scalar.PLAIN:
      return raw === value ? MappedText.direct(value, start) : undefined;
    case Scalar.QUOTE_SINGLE: {
      const inner = raw.slice(1, -1);
      return inner === value ? MappedText.direct(value, start + 1) : undefined;
    }
    case Scalar.QUOTE_DOUBLE:
      return decodeDoubleQuoted(raw, start, value);
    default:
      // Block scalars lose indentation and folded line breaks: keep the whole node as the position.
      return undefined;
  }
}

const SIMPLE_ESCAPES: Record<string, string> = {
  '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', '0': '\0', a: '\x07', v: '\v', e: '\x1b', ' ': ' ',
};

/**
 * Decodes a double-quoted JSON/YAML string, recording where each character came from. Returns undefined when the
 * decoding does not reproduce the parser's value (for example a folded multi-line YAML string).
 */
export function decodeDoubleQuoted(raw: string, start: number, expected: string): MappedText | undefined {
  if (!raw.startsWith('"') || !raw.endsWith('"') || raw.length < 2) return undefined;
  if (raw.indexOf('\\') === -1 && raw.indexOf('\n') === -1) {
    const inner = raw.slice(1, -1);
    return inner === expected ? MappedText.direct(inner, start + 1) : undefined;
  }
  const out = new MappedTextBuilder();
  const end = raw.length - 1;
  let i = 1;
  while (i < end) {
    const c = raw[i] as string;
    if (c === '\n' || c === '\r') return undefined;
    if (c !== '\\') {
      let j = i;
      while (j < end && raw[j] !== '\\' && raw[j] !== '\n' && raw[j] !== '\r') j++;
      out.appendSlice(raw.slice(i, j), start + i);
      i = j;
      continue;
    }
    const e = raw[i + 1] ?? '';
    if (e in SIMPLE_ESCAPES) {
      out.appendChar(SIMPLE_ESCAPES[e] as string, start + i, start + i + 2);
      i += 2;
    } else if (e === 'u' || e === 'x' || e === 'U') {
      const width = e === 'u' ? 4 : e === 'x' ? 2 : 8;
      const hex = raw.slice(i + 2, i + 2 + width);
      if (!/^[0-9a-fA-F]+$/.test(hex) || hex.length !== width) return undefined;
      out.appendChar(String.fromCodePoint(parseInt(hex, 16)), start + i, start + i + 2 + width);
      i += 2 + width;
    } else {
      return undefined;
    }
  }
  const mapped = out.build();
  return mapped.text === expected ? mapped : undefined;
}
