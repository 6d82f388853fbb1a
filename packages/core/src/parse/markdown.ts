import { parseDocument, isMap, isSeq, type Node, type YAMLMap } from 'yaml';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import type { Html, Root } from 'mdast';
import { MappedText, MappedTextBuilder } from '../source/mapped-text.js';
import type { Range, SourceFile } from '../source/text.js';
import type { BodyModel, Draft, ExampleSet, HeaderModel, ButtonModel, TextField } from '../model/draft.js';
import { frontMatterSchema, headerObjectSchema, buttonSchema } from '../model/schema.js';
import { compileValidityCheck } from '../model/schema-check.js';
import { findPair, locateIn, nodeRange, scalarField, scalarText, type Located, type PathKey, type YamlSource } from './yaml-nodes.js';
import { schemaProblems, type Directive, type ParseProblem } from './problems.js';
import { directivesInHtml, directivesInYaml } from './directives.js';
import { yamlErrorProblems, toJsSafely } from './yaml-errors.js';
import { frontMatterSizeProblem, markdownTreeProblem, yamlNestingProblem } from './limits.js';
import { readSimpleFrontMatter, type SimpleFrontMatter } from './simple-front-matter.js';

export interface ParseResult {
  drafts: Draft[];
  problems: ParseProblem[];
  directives: Directive[];
}

// One processor for the whole process: building it per draft costs more than parsing a short body.
const markdown = unified().use(remarkParse);
// Almost every front matter is valid: a quick yes before zod, which then runs only to word the problems.
const frontMatterIsValid = compileValidityCheck(frontMatterSchema);

const FENCE = /^---[ \t]*(?:\r\n|\r|\n)/;
const CLOSING_FENCE = /(?:\r\n|\r|\n)(?:---|\.\.\.)[ \t]*(?:\r\n|\r|\n|$)/g;

/** Parses a Markdown draft: YAML front matter for every field but the body, the Markdown content as the body. */
export function parseMarkdownDraft(file: SourceFile): ParseResult {
  const { text } = file;
  const lineOf = (offset: number): number => file.lines.position(offset).line;
  const opening = FENCE.exec(text);
  if (!opening) {
    return failure([0, Math.min(text.length, firstLineEnd(text))],
      'Expected YAML front matter at the top of the draft: a `---` line, then name, category and language, then `---`. Run `pesan init` for an example draft.');
  }
  CLOSING_FENCE.lastIndex = opening[0].length - 1;
  const closing = CLOSING_FENCE.exec(text);
  if (!closing) {
    return failure([0, 3], 'Unclosed front matter: add a line with `---` after the last front-matter field.');
  }
  const fmStart = opening[0].length;
  const fmEnd = closing.index + (closing[0].startsWith('\r\n') ? 2 : 1);
  const bodyStart = closing.index + closing[0].length;
  // The `yaml` parser does not end lines at a lone CR (old Mac line endings), which YAML 1.2 and Pesan's line
  // numbers do: it reads them as LF (same length, so every offset stays valid).
  const src = text.slice(fmStart, fmEnd).replace(/\r(?!\n)/g, '\n');
  // Bounded input for the YAML parser: its tree is built recursively, and its time grows with the front matter.
  const sizeLimit = frontMatterSizeProblem(src, fmStart);
  if (sizeLimit) return { drafts: [], problems: [sizeLimit], directives: [] };
  // What the fast reader reads is at most MAX_DEPTH deep: the nesting guard is for the `yaml` parser only.
  const simple = readSimpleFrontMatter(src);
  const nestingLimit = simple ? undefined : yamlNestingProblem(src, fmStart);
  if (nestingLimit) return { drafts: [], problems: [nestingLimit], directives: [] };
  const directives = directivesInYaml(src, fmStart, lineOf);
  const read = readFrontMatter(src, fmStart, simple);
  if ('problems' in read) return { drafts: [], problems: read.problems, directives };
  if ('notAMap' in read) {
    return failure([fmStart, fmEnd], 'Expected front matter to be a YAML mapping of keys such as `name: order_shipped`.', directives);
  }
  const { source, map, value } = read;
  const problems: ParseProblem[] = [];
  if (!frontMatterIsValid(value)) {
    const checked = frontMatterSchema.safeParse(value);
    if (!checked.success) problems.push(...schemaProblems(checked.error.issues, source, [], 'front matter', knownKeysAt));
  }

  const body = parseBody(file, bodyStart, directives, problems);
  if (!body) {
    problems.push({
      ruleId: 'parse-error',
      message: 'Empty body: write the message text below the closing `---` of the front matter.',
      // From the closing `---` line (after the whole line break: a CRLF is never split).
      range: [Math.max(fmStart, fmEnd), Math.min(text.length, closing.index + closing[0].length)],
    });
  }
  const draft = buildDraft(file, source, map, body, value);
  return { drafts: [draft], problems, directives };
}

type FrontMatterRead = { source: YamlSource; map: YAMLMap; value: Record<string, unknown> } | { problems: ParseProblem[] } | { notAMap: true };

/** The front matter's node tree and value: the fast reader for plain front matter, else the `yaml` parser. */
function readFrontMatter(src: string, base: number, simple: SimpleFrontMatter | undefined): FrontMatterRead {
  if (simple) return { source: { doc: simple, src, base }, map: simple.contents, value: simple.value };
  // logLevel: a draft's content must never print Node warnings (such as "Keys with collection values will be
  // stringified") on the linter's stderr; what matters is reported as findings.
  const doc = parseDocument(src, { uniqueKeys: true, prettyErrors: false, strict: true, logLevel: 'error' });
  const source: YamlSource = { doc, src, base };
  const problems = yamlErrorProblems(doc, source, 'front matter');
  if (problems.length > 0) return { problems };
  const js = toJsSafely(doc, source);
  if ('problem' in js) return { problems: [js.problem] };
  if (!isMap(doc.contents)) return { notAMap: true };
  return { source, map: doc.contents, value: js.value as Record<string, unknown> };
}

function failure(range: Range, message: string, directives: Directive[] = []): ParseResult {
  return { drafts: [], problems: [{ ruleId: 'parse-error', message, range }], directives };
}

function firstLineEnd(text: string): number {
  const n = text.search(/[\r\n]/);
  return n === -1 ? text.length : n;
}

function knownKeysAt(path: readonly PathKey[]): readonly string[] | undefined {
  if (path.length === 0) return Object.keys(frontMatterSchema.shape);
  if (path[0] === 'header') return Object.keys(headerObjectSchema.shape);
  if (path[0] === 'buttons') return Object.keys(buttonSchema.shape);
  if (path[0] === 'examples') return ['header', 'body'];
  return undefined;
}

/** Body text as Meta will receive it: directive comments removed, CRLF as LF, outer whitespace trimmed. */
function parseBody(file: SourceFile, bodyStart: number, directives: Directive[], problems: ParseProblem[]): BodyModel | undefined {
  const raw = file.text.slice(bodyStart);
  // remark builds the Markdown tree only when something needs it: directive comments (a `<!--` in a code span
  // is not a comment) or a rule that reads `body.tree`. Checks of WhatsApp formatting, parameters and lengths
  // work on the raw text, so most drafts never pay for a Markdown parse they would not use.
  let tree: Root | undefined;
  const getTree = (): Root => (tree ??= markdown.parse(raw) as Root);
  const removals: Range[] = [];
  // The Markdown parser is slow on long or deeply nested bodies: past the limits the comments are not read.
  const treeLimit = raw.includes('<!--') ? markdownTreeProblem(raw, bodyStart) : undefined;
  if (treeLimit) problems.push(treeLimit);
  else if (raw.includes('<!--')) {
    const tree = getTree();
    const lineOf = (offset: number): number => file.lines.position(offset).line;
    for (const node of tree.children) collectHtml(node, (html) => {
      const start = html.position?.start.offset;
      if (start === undefined) return;
      for (const found of directivesInHtml(html.value, bodyStart + start, lineOf)) {
        directives.push(found.directive);
        removals.push(wholeLineIfAlone(file.text, found.range));
      }
    });
  }
  const needsTable = removals.length > 0 || raw.includes('\r');
  let mapped: MappedText;
  if (!needsTable) {
    mapped = MappedText.direct(raw, bodyStart);
  } else {
    const builder = new MappedTextBuilder();
    let cursor = bodyStart;
    removals.sort((a, b) => a[0] - b[0]);
    const appendClean = (from: number, to: number): void => {
      let segmentStart = from;
      for (let i = from; i < to; i++) {
        if (file.text.charCodeAt(i) !== 13) continue;
        if (i > segmentStart) builder.appendSlice(file.text.slice(segmentStart, i), segmentStart);
        // A CR before LF is dropped; a lone CR is a line break.
        if (file.text.charCodeAt(i + 1) !== 10) builder.appendChar('\n', i, i + 1);
        segmentStart = i + 1;
      }
      if (to > segmentStart) builder.appendSlice(file.text.slice(segmentStart, to), segmentStart);
    };
    for (const [s, e] of removals) {
      if (s > cursor) appendClean(cursor, s);
      cursor = Math.max(cursor, e);
    }
    if (cursor < file.text.length) appendClean(cursor, file.text.length);
    mapped = builder.build();
  }
  const lead = mapped.text.length - mapped.text.trimStart().length;
  const trimmed = mapped.text.trim();
  if (trimmed.length === 0) return undefined;
  return new MarkdownBody(sliceMapped(mapped, lead, lead + trimmed.length), getTree);
}

/**
 * A Markdown draft's body. A class, so that `tree` is a getter on the prototype: an object literal with its own getter
 * gets a hidden class of its own in V8, one more for every draft linted.
 */
class MarkdownBody implements BodyModel {
  readonly range: Range;
  constructor(
    readonly text: MappedText,
    private readonly parseTree: () => Root,
  ) {
    this.range = text.range;
  }

  get tree(): Root {
    return this.parseTree();
  }
}

function sliceMapped(mapped: MappedText, start: number, end: number): MappedText {
  const range = mapped.fileRange(start, end);
  const value = mapped.text.slice(start, end);
  if (range[1] - range[0] === value.length) {
    // Contiguous in the file: cheap direct mapping.
    return MappedText.direct(value, range[0]);
  }
  const starts = new Int32Array(value.length);
  const ends = new Int32Array(value.length);
  for (let i = 0; i < value.length; i++) {
    const r = mapped.fileRange(start + i, start + i + 1);
    starts[i] = r[0];
    ends[i] = r[1];
  }
  return MappedText.table(value, starts, ends);
}

function collectHtml(node: Root['children'][number], visit: (html: Html) => void): void {
  if (node.type === 'html') visit(node);
  else if ('children' in node) for (const child of node.children) collectHtml(child as Root['children'][number], visit);
}

/** A directive alone on its line is removed with the line, so it leaves no blank line behind. */
function wholeLineIfAlone(text: string, range: Range): Range {
  let s = range[0];
  while (s > 0 && (text[s - 1] === ' ' || text[s - 1] === '\t')) s--;
  let e = range[1];
  while (e < text.length && (text[e] === ' ' || text[e] === '\t')) e++;
  const atLineStart = s === 0 || text[s - 1] === '\n' || text[s - 1] === '\r';
  const atLineEnd = e === text.length || text[e] === '\n' || text[e] === '\r';
  if (!atLineStart || !atLineEnd) return range;
  if (text[e] === '\r' && text[e + 1] === '\n') e += 2;
  else if (e < text.length) e += 1;
  return [s, e];
}

/**
 * The draft model from the front matter's node tree. Each node is visited once, from its parent (looking every field
 * up by its path from the root again cost a path array, a walk and intermediate ranges per field, on every draft).
 */
function buildDraft(file: SourceFile, source: YamlSource, map: YAMLMap, body: BodyModel | undefined, raw: Record<string, unknown>): Draft {
  const draft: Draft = {
    file,
    format: 'markdown',
    index: 0,
    range: [source.base, source.base + source.src.length],
    buttons: [],
    bodyExamples: { positional: [], named: new Map() },
    raw,
  };
  setDefined(draft, 'name', textIn(source, map, 'name'));
  setDefined(draft, 'language', textIn(source, map, 'language'));
  setDefined(draft, 'category', textIn(source, map, 'category'));
  setDefined(draft, 'useCase', textIn(source, map, 'use_case'));
  setDefined(draft, 'parameterFormat', textIn(source, map, 'parameter_format'));
  setDefined(draft, 'footer', textIn(source, map, 'footer'));
  setDefined(draft, 'body', body);
  const examples = locateIn(source, map, 'examples');
  setDefined(draft, 'header', readHeader(source, locateIn(source, map, 'header'), locateIn(source, examples?.node, 'header')));
  draft.bodyExamples = readExamples(source, locateIn(source, examples?.node, 'body'));
  setDefined(draft, 'addSecurityRecommendation', scalarField(source, findPair(map, 'add_security_recommendation')?.value, isBoolean));
  setDefined(draft, 'codeExpirationMinutes', scalarField(source, findPair(map, 'code_expiration_minutes')?.value, isNumber));
  const expect = raw.expect;
  if (Array.isArray(expect)) draft.expect = expect.filter((x): x is string => typeof x === 'string');
  const buttons = locateIn(source, map, 'buttons');
  if (buttons && isSeq(buttons.node)) {
    draft.buttonsRange = buttons.range;
    for (let index = 0; index < buttons.node.items.length; index++) {
      const button = readButton(source, locateIn(source, buttons.node, index), index);
      if (button) draft.buttons.push(button);
    }
  }
  return draft;
}

/** Sets an optional property only when there is a value (the model has no `undefined` properties). */
function setDefined<T, K extends keyof T>(target: T, key: K, value: T[K] | undefined): void {
  if (value !== undefined) target[key] = value;
}

const isBoolean = (v: unknown): v is boolean => typeof v === 'boolean';
const isNumber = (v: unknown): v is number => typeof v === 'number';

/** The string under `key` of a map node, positioned (`locateIn` + `scalarText`, without the step's own ranges). */
function textIn(source: YamlSource, parent: unknown, key: string): TextField | undefined {
  if (!isMap(parent)) return undefined;
  const pair = findPair(parent, key);
  return pair ? scalarText(source, pair.value, nodeRange(source, pair.key as Node)) : undefined;
}

/** The strings of a node: a map's values (named examples, in the order written), a list's items, or one string. */
function listOf(source: YamlSource, found: Located | undefined): TextField[] {
  if (!found) return [];
  const node = found.node;
  if (!isMap(node) && !isSeq(node)) {
    const single = scalarText(source, node, found.keyRange);
    return single ? [single] : [];
  }
  const inMap = isMap(node);
  const out: TextField[] = [];
  for (const item of node.items) {
    const text = scalarText(source, inMap ? (item as { value: unknown }).value : item);
    if (text) out.push(text);
  }
  return out;
}

function readHeader(source: YamlSource, found: Located | undefined, examples: Located | undefined): HeaderModel | undefined {
  if (!found) return undefined;
  const asText = scalarText(source, found.node, found.keyRange);
  const headerExamples = listOf(source, examples);
  if (asText) {
    return {
      format: { value: 'text', range: found.keyRange ?? found.range },
      text: asText,
      examples: headerExamples,
      range: found.range,
    };
  }
  if (!isMap(found.node)) return undefined;
  const format = textIn(source, found.node, 'format');
  const header: HeaderModel = {
    format: format ? { value: format.value.toLowerCase(), range: format.range } : { value: 'text', range: found.keyRange ?? found.range },
    examples: [...listOf(source, locateIn(source, found.node, 'example')), ...headerExamples],
    range: found.range,
  };
  const text = textIn(source, found.node, 'text');
  if (text) header.text = text;
  const sample = textIn(source, found.node, 'media_handle') ?? textIn(source, found.node, 'media_url');
  if (sample) header.mediaSample = sample;
  return header;
}

function readExamples(source: YamlSource, found: Located | undefined): ExampleSet {
  const set: ExampleSet = { positional: [], named: new Map() };
  if (!found) return set;
  set.range = found.range;
  if (isSeq(found.node)) {
    set.positional = listOf(source, found);
  } else if (isMap(found.node)) {
    for (const pair of found.node.items) {
      const key = (pair.key as { value?: unknown } | null)?.value;
      const value = typeof key === 'string' ? scalarText(source, pair.value) : undefined;
      if (typeof key === 'string' && value) set.named.set(key, value);
    }
  }
  return set;
}

function readButton(source: YamlSource, found: Located | undefined, index: number): ButtonModel | undefined {
  if (!found || !isMap(found.node)) return undefined;
  const node = found.node;
  const type = textIn(source, node, 'type');
  const button: ButtonModel = {
    index,
    type: type ? { value: type.value.toLowerCase(), range: type.range } : { value: '', range: found.range },
    examples: listOf(source, locateIn(source, node, 'example')),
    range: found.range,
  };
  setDefined(button, 'text', textIn(source, node, 'text'));
  setDefined(button, 'url', textIn(source, node, 'url'));
  setDefined(button, 'phoneNumber', textIn(source, node, 'phone_number'));
  setDefined(button, 'otpType', textIn(source, node, 'otp_type'));
  return button;
}
