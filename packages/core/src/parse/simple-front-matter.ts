import { Scalar, type Node, type YAMLMap, type YAMLSeq } from 'yaml';

/**
 * A fast reader for the plain front matter almost every draft has (`key: value` lines, block lists, one-line flow
 * lists and maps of quoted or plain strings). It builds the same node tree, with the same ranges, as
 * `yaml.parseDocument`, plus the JavaScript value, in about a tenth of the time: the `yaml` parser costs ≈ 130 µs
 * per front matter, the largest single cost of linting a draft.
 *
 * It is a shortcut, not a second YAML parser: anything outside that small subset (comments, blank lines, anchors,
 * tags, block scalars, multi-line or empty values, numbers other than small integers, duplicate keys, tabs, CR...)
 * returns undefined and the caller uses `yaml`, which also reports every error. Where it answers, the answer is
 * checked against `yaml` by a differential test (`simple-front-matter.test.ts`): same nodes, ranges and value.
 */
export interface SimpleFrontMatter {
  contents: YAMLMap;
  value: Record<string, unknown>;
}

/**
 * The reader's nodes are small classes with the fields Pesan reads (`items`, `key`, `value`, `range`, `type`,
 * `source`, `flow`) and the registered symbols by which yaml's `isMap`, `isSeq`, `isScalar` and `isPair` know a node.
 * yaml's own constructors mark each node with `Object.defineProperty` (collections twice), a slow runtime call that
 * took a quarter of this reader's time. The differential test reads them through those same predicates.
 */
const NODE_TYPE: unique symbol = Symbol.for('yaml.node.type') as never;
const MAP_TYPE = Symbol.for('yaml.map');
const SEQ_TYPE = Symbol.for('yaml.seq');
const SCALAR_TYPE = Symbol.for('yaml.scalar');
const PAIR_TYPE = Symbol.for('yaml.pair');
type NodeRange = [number, number, number];

class FastMap {
  readonly [NODE_TYPE] = MAP_TYPE;
  readonly items: FastPair[] = [];
  range: NodeRange | undefined = undefined;
  constructor(readonly flow: boolean) {}
}
class FastSeq {
  readonly [NODE_TYPE] = SEQ_TYPE;
  readonly items: Node[] = [];
  range: NodeRange | undefined = undefined;
  constructor(readonly flow: boolean) {}
}
class FastPair {
  readonly [NODE_TYPE] = PAIR_TYPE;
  constructor(readonly key: Node, readonly value: Node) {}
}
class FastScalar {
  readonly [NODE_TYPE] = SCALAR_TYPE;
  constructor(readonly value: unknown, readonly type: Scalar.Type, readonly source: string, public range: NodeRange) {}
}
const asMap = (node: FastMap): YAMLMap => node as unknown as YAMLMap;
const asSeq = (node: FastSeq): YAMLSeq => node as unknown as YAMLSeq;
const asScalar = (node: FastScalar): Scalar => node as unknown as Scalar;

/** Thrown inside the reader to leave the fast path; never escapes `readSimpleFrontMatter`. */
class NotSimple extends Error {}
const notSimple = new NotSimple();

/**
 * Deepest nesting of collections the fast reader reads; deeper front matter goes to `yaml` and its nesting guard
 * (`yamlNestingProblem`, 64 levels). A draft needs about 4 (buttons, a button, its examples), so what this reader
 * reads never needs that guard, which the caller then skips.
 */
export const MAX_DEPTH = 16;

const KEY = /[A-Za-z_][A-Za-z0-9_-]*/y;
/** Core-schema plain scalars that are not strings (null, booleans, numbers, .inf, .nan): left to `yaml`. */
const NOT_A_STRING = /^(?:~|null|Null|NULL|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const BOOLEAN = /^(?:true|True|TRUE|false|False|FALSE)$/;
const SMALL_INT = /^[0-9]{1,9}$/;
/** First characters of every plain scalar BOOLEAN, SMALL_INT or NOT_A_STRING matches: `~ n N t T f F + - .` and digits. */
const NON_STRING_START = new Set([...'~nNtTfF+-.0123456789'].map((c) => c.charCodeAt(0)));

/** False when the plain scalar is surely a string (most values and keys): the regexes are then not needed. */
function mayNotBeAString(text: string): boolean {
  return NON_STRING_START.has(text.charCodeAt(0));
}
const ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', n: '\n', t: '\t' };

export function readSimpleFrontMatter(src: string): SimpleFrontMatter | undefined {
  // Characters that only appear in YAML this reader leaves to `yaml` (outside quotes they start comments,
  // anchors, aliases, tags, block scalars, directives; CR and tabs change line and indentation rules).
  if (src.length === 0 || /[\r\t\0\uFEFF]/.test(src) || !src.endsWith('\n')) return undefined;
  try {
    const reader = new Reader(src);
    const map = reader.blockMap(0);
    if (reader.pos !== src.length) return undefined;
    return { contents: map.node as YAMLMap, value: map.value as Record<string, unknown> };
  } catch (error) {
    if (error instanceof NotSimple) return undefined;
    throw error;
  }
}

interface Built {
  node: Node;
  value: unknown;
  /** End of the node including the rest of its line (yaml's `range[2]`): a block collection ends there. */
  end: number;
}

class Reader {
  pos = 0;
  /** Collections open around the current position (see MAX_DEPTH). */
  private depth = 0;
  constructor(private readonly src: string) {}

  private enter(): void {
    if (++this.depth > MAX_DEPTH) this.fail();
  }

  private fail(): never {
    throw notSimple;
  }

  /** Column of the line starting at `pos` (spaces only), or -1 at the end of the source. */
  private indentAt(pos: number): number {
    if (pos >= this.src.length) return -1;
    let i = pos;
    while (this.src.charCodeAt(i) === 32) i++;
    const c = this.src.charCodeAt(i);
    // Blank lines, comments and document markers are outside the subset.
    if (c === 10 || c === 35 || i >= this.src.length) this.fail();
    return i - pos;
  }

  /** A block mapping whose keys sit at column `indent`; `first` is set when the first key is already found. */
  blockMap(indent: number, firstKeyAt?: number): Built {
    this.enter();
    const map = new FastMap(false);
    const value: Record<string, unknown> = {};
    const start = firstKeyAt ?? this.pos + indent;
    let end = start;
    let keyAt = firstKeyAt;
    for (;;) {
      if (keyAt === undefined) {
        const col = this.indentAt(this.pos);
        if (col !== indent) {
          if (col > indent) this.fail();
          break;
        }
        keyAt = this.pos + indent;
      }
      const key = this.key(keyAt);
      if (Object.prototype.hasOwnProperty.call(value, key.value as string) || key.value === '__proto__') this.fail();
      const entry = this.blockValue(indent, key.end);
      map.items.push(new FastPair(key.node, entry.node));
      value[key.value as string] = entry.value;
      end = entry.end;
      keyAt = undefined;
    }
    map.range = [start, end, end];
    this.depth--;
    return { node: asMap(map), value, end };
  }

  /** A plain key followed by `:`. */
  private key(at: number): Built {
    KEY.lastIndex = at;
    if (!KEY.test(this.src)) this.fail();
    const keyEnd = KEY.lastIndex;
    if (this.src.charCodeAt(keyEnd) !== 58) this.fail();
    const text = this.src.slice(at, keyEnd);
    // `null:` or `true:` are keys of other types in YAML.
    if (mayNotBeAString(text) && (BOOLEAN.test(text) || NOT_A_STRING.test(text))) this.fail();
    return { node: asScalar(new FastScalar(text, Scalar.PLAIN, text, [at, keyEnd, keyEnd])), value: text, end: keyEnd + 1 };
  }

  /** What follows `key:` at `afterColon`: a value on the same line, or a nested block on the next lines. */
  private blockValue(indent: number, afterColon: number): Built {
    const c = this.src.charCodeAt(afterColon);
    if (c === 10) {
      this.pos = afterColon + 1;
      const col = this.indentAt(this.pos);
      if (col < indent || col === -1) this.fail(); // an empty value
      if (this.src.charCodeAt(this.pos + col) === 45 /* - */) return this.blockSeq(col);
      if (col === indent) this.fail();
      return this.blockMap(col);
    }
    if (c !== 32) this.fail();
    let at = afterColon + 1;
    while (this.src.charCodeAt(at) === 32) at++;
    return this.inlineValue(at);
  }

  /** A value that starts at `at` and ends its line: a scalar or a one-line flow collection. */
  private inlineValue(at: number): Built {
    const c = this.src.charCodeAt(at);
    const built = c === 91 || c === 123 ? this.flow(at) : this.scalar(at, false);
    // (The node, its range and `built` are new and this reader's own: completed in place.)
    const range = built.node.range as NodeRange;
    const valueEnd = range[1];
    if (this.src.charCodeAt(valueEnd) !== 10) this.fail();
    const end = valueEnd + 1;
    range[2] = end;
    this.pos = end;
    built.end = end;
    return built;
  }

  /** A block sequence whose `-` marks sit at column `indent`. */
  private blockSeq(indent: number): Built {
    this.enter();
    const seq = new FastSeq(false);
    const value: unknown[] = [];
    const start = this.pos + indent;
    let end = start;
    for (;;) {
      const col = this.indentAt(this.pos);
      if (col !== indent || this.src.charCodeAt(this.pos + col) !== 45) {
        if (col > indent) this.fail();
        break;
      }
      const dash = this.pos + col;
      if (this.src.charCodeAt(dash + 1) !== 32) this.fail();
      let at = dash + 1;
      while (this.src.charCodeAt(at) === 32) at++;
      const item = this.seqItem(at, at - this.pos);
      seq.items.push(item.node);
      value.push(item.value);
      end = item.end;
    }
    seq.range = [start, end, end];
    this.depth--;
    return { node: asSeq(seq), value, end };
  }

  /** An item after `- `: a compact mapping (`- type: url` then more keys below it) or an inline value. */
  private seqItem(at: number, column: number): Built {
    KEY.lastIndex = at;
    const c = this.src.charCodeAt(at);
    if (c !== 91 && c !== 123 && c !== 34 && c !== 39 && KEY.test(this.src)) {
      const next = this.src.charCodeAt(KEY.lastIndex);
      if (next === 58) return this.blockMap(column, at);
    }
    return this.inlineValue(at);
  }

  /** A one-line flow sequence or mapping of scalars (no nesting, no empty collections, no trailing comma). */
  private flow(at: number): Built {
    // One level (a flow collection holds scalars only), checked like the block ones; never left open on success.
    this.enter();
    this.depth--;
    const isMap = this.src.charCodeAt(at) === 123;
    const close = isMap ? 125 : 93;
    const map = isMap ? new FastMap(true) : undefined;
    const seq = isMap ? undefined : new FastSeq(true);
    const mapValue: Record<string, unknown> = {};
    const seqValue: unknown[] = [];
    let i = this.skipSpaces(at + 1);
    if (this.src.charCodeAt(i) === close) this.fail();
    for (;;) {
      if (isMap) {
        const key = this.flowKey(i);
        if (Object.prototype.hasOwnProperty.call(mapValue, key.value as string) || key.value === '__proto__') this.fail();
        const item = this.scalar(this.skipSpaces(key.end), true);
        map!.items.push(new FastPair(key.node, item.node));
        mapValue[key.value as string] = item.value;
        i = this.endWithSpaces(item);
      } else {
        const item = this.scalar(i, true);
        seq!.items.push(item.node);
        seqValue.push(item.value);
        i = this.endWithSpaces(item);
      }
      const c = this.src.charCodeAt(i);
      if (c === close) break;
      if (c !== 44) this.fail();
      i = this.skipSpaces(i + 1);
      if (this.src.charCodeAt(i) === close) this.fail();
    }
    const range: NodeRange = [at, i + 1, i + 1];
    if (map) {
      map.range = range;
      return { node: asMap(map), value: mapValue, end: i + 1 };
    }
    seq!.range = range;
    return { node: asSeq(seq!), value: seqValue, end: i + 1 };
  }

  /** A plain key in a flow mapping, then `: ` (`{a:b}` is one plain scalar in YAML, left to `yaml`). */
  private flowKey(at: number): Built {
    const key = this.key(at);
    if (this.src.charCodeAt(key.end) !== 32) this.fail();
    return key;
  }

  /** In a flow collection the spaces after an item belong to its node (yaml's `range[2]`). */
  private endWithSpaces(item: Built): number {
    const range = item.node.range as NodeRange;
    const end = Math.max(range[2], this.skipSpaces(item.end));
    range[2] = end;
    return end;
  }

  private skipSpaces(i: number): number {
    while (this.src.charCodeAt(i) === 32) i++;
    return i;
  }

  /** A one-line scalar at `at`: double-quoted, single-quoted or plain. `end` is where its text ends. */
  private scalar(at: number, inFlow: boolean): Built {
    const c = this.src.charCodeAt(at);
    if (c === 34) return this.doubleQuoted(at);
    if (c === 39) return this.singleQuoted(at);
    return this.plain(at, inFlow);
  }

  private doubleQuoted(at: number): Built {
    let out = '';
    let i = at + 1;
    let from = i;
    for (;;) {
      const c = this.src.charCodeAt(i);
      if (c === 34) break;
      if (c === 10 || Number.isNaN(c)) this.fail();
      if (c === 92) {
        const escaped = ESCAPES[this.src[i + 1] ?? ''];
        if (escaped === undefined) this.fail();
        out += this.src.slice(from, i) + escaped;
        i += 2;
        from = i;
        continue;
      }
      i++;
    }
    out += this.src.slice(from, i);
    return this.quotedNode(at, i + 1, out, Scalar.QUOTE_DOUBLE);
  }

  private singleQuoted(at: number): Built {
    let out = '';
    let i = at + 1;
    for (;;) {
      const c = this.src.charCodeAt(i);
      if (c === 10 || Number.isNaN(c)) this.fail();
      if (c === 39) {
        if (this.src.charCodeAt(i + 1) !== 39) break;
        out += "'";
        i += 2;
        continue;
      }
      out += this.src[i];
      i++;
    }
    return this.quotedNode(at, i + 1, out, Scalar.QUOTE_SINGLE);
  }

  private quotedNode(start: number, end: number, value: string, type: Scalar.Type): Built {
    const next = this.src.charCodeAt(end);
    // A quoted scalar is followed by a line end, a flow separator or spaces before one of them.
    if (next !== 10 && next !== 44 && next !== 32 && next !== 93 && next !== 125) this.fail();
    return { node: asScalar(new FastScalar(value, type, value, [start, end, end])), value, end };
  }

  /** A plain scalar that holds a string, `true`/`false` or a small integer; anything else leaves the fast path. */
  private plain(at: number, inFlow: boolean): Built {
    const first = this.src[at] ?? '';
    // Indicators that cannot start a plain scalar, or start one only in some contexts.
    if ('-?:,[]{}#&*!|>\'"%@` \n'.includes(first) || first === '') this.fail();
    let i = at;
    for (;;) {
      const c = this.src.charCodeAt(i);
      if (c === 10) break;
      if (inFlow && (c === 44 || c === 93 || c === 125)) break;
      if (inFlow && (c === 91 || c === 123)) this.fail();
      if (c === 58) {
        const n = this.src.charCodeAt(i + 1);
        if (n === 32 || n === 10 || (inFlow && (n === 44 || n === 93 || n === 125))) this.fail();
      }
      if (c === 32 && this.src.charCodeAt(i + 1) === 35) this.fail();
      i++;
    }
    // Spaces after a plain scalar belong to the node (range[2]) but not to its value.
    const nodeEnd = i;
    if (this.src.charCodeAt(i - 1) === 32) {
      if (!inFlow) this.fail();
      while (this.src.charCodeAt(i - 1) === 32) i--;
    }
    const raw = this.src.slice(at, i);
    let value: unknown = raw;
    if (mayNotBeAString(raw)) {
      if (BOOLEAN.test(raw)) value = raw.charCodeAt(0) === 116 || raw.charCodeAt(0) === 84;
      else if (SMALL_INT.test(raw)) value = Number(raw);
      else if (NOT_A_STRING.test(raw)) this.fail();
    }
    return { node: asScalar(new FastScalar(value, Scalar.PLAIN, raw, [at, i, nodeEnd])), value, end: i };
  }
}
