import { parseDocument, isMap, isSeq, isScalar, type Node, type YAMLMap } from 'yaml';
import type { Range, SourceFile } from '../source/text.js';
import type { ButtonModel, Draft, ExampleSet, HeaderModel, TextField } from '../model/draft.js';
import { metaTemplateSchema } from '../model/schema.js';
import { findPairInsensitive, nodeRange, scalarField, scalarText, type PathKey, type YamlSource } from './yaml-nodes.js';
import { schemaProblems, type ParseProblem } from './problems.js';
import { toJsSafely, yamlErrorProblems } from './yaml-errors.js';
import type { ParseResult } from './markdown.js';
import { jsonNestingProblem } from './limits.js';

/**
 * Parses Meta's Graph API `message_templates` JSON: one template object, an array of them, or `{data: [...]}` as
 * WhatsApp Manager exports it. JSON.parse decides validity (so the JSON rules are exactly JSON's); the `yaml`
 * parser, for which JSON is valid YAML 1.2, supplies the position of every node.
 */
export function parseMetaJson(file: SourceFile): ParseResult {
  const { text } = file;
  try {
    JSON.parse(text);
  } catch (error) {
    return { drafts: [], problems: [jsonSyntaxProblem(file, error)], directives: [] };
  }
  // The `yaml` parser that supplies positions builds its tree recursively: refuse nesting no template needs.
  const deep = jsonNestingProblem(text);
  if (deep) return { drafts: [], problems: [deep], directives: [] };
  // A lone CR is whitespace to JSON but not a line break to the `yaml` parser that supplies positions: read it as
  // LF (same length, so offsets stay valid; a JSON string cannot hold a raw CR).
  const src = text.replace(/\r(?!\n)/g, '\n');
  const doc = parseDocument(src, { uniqueKeys: true, prettyErrors: false });
  const source: YamlSource = { doc, src, base: 0 };
  const problems: ParseProblem[] = yamlErrorProblems(doc, source, 'JSON').map((p) => ({ ...p, ruleId: 'template-schema' }));
  const js = toJsSafely(doc, source);
  if ('problem' in js) return { drafts: [], problems: [js.problem], directives: [] };

  const root = doc.contents;
  let items: { node: Node; path: PathKey[] }[] = [];
  if (isSeq(root)) items = root.items.map((node, i) => ({ node: node as Node, path: [i] }));
  else if (isMap(root)) {
    const data = findPairInsensitive(root, 'data');
    if (data && isSeq(data.value) && !findPairInsensitive(root, 'components')) {
      items = data.value.items.map((node, i) => ({ node: node as Node, path: ['data', i] }));
    } else items = [{ node: root, path: [] }];
  }
  if (items.length === 0) {
    problems.push({
      ruleId: 'parse-error',
      message: 'Expected a template object (`{name, language, category, components}`), an array of them, or `{"data": [...]}`.',
      range: nodeRange(source, root as Node) ?? [0, Math.min(1, text.length)],
    });
    return { drafts: [], problems, directives: [] };
  }
  const drafts: Draft[] = [];
  items.forEach(({ node, path }, index) => {
    const range = nodeRange(source, node) ?? [0, 0];
    if (!isMap(node)) {
      problems.push({ ruleId: 'template-schema', message: 'Expected a template object with name, language, category and components.', range });
      return;
    }
    const value = js.value as unknown;
    const raw = path.reduce<unknown>((acc, key) => (acc as Record<PathKey, unknown> | undefined)?.[key], value) as Record<string, unknown>;
    const checked = metaTemplateSchema.safeParse(raw);
    if (!checked.success) problems.push(...schemaProblems(checked.error.issues, source, path, 'template', () => undefined));
    drafts.push(buildDraft(file, source, node, range, index, raw));
  });
  return { drafts, problems, directives: [] };
}

function jsonSyntaxProblem(file: SourceFile, error: unknown): ParseProblem {
  const message = error instanceof Error ? error.message : String(error);
  const at = /at position (\d+)/.exec(message);
  const lineCol = /line (\d+) column (\d+)/.exec(message);
  let offset = file.text.length;
  if (lineCol) offset = file.lines.offset({ line: Number(lineCol[1]), column: Number(lineCol[2]) });
  else if (at) offset = Number(at[1]);
  const reason = message.replace(/\s*\(line \d+ column \d+\)/, '').replace(/ in JSON at position \d+/, '');
  return {
    ruleId: 'parse-error',
    message: `Invalid JSON: ${reason}. Fix the syntax at this position.`,
    range: [Math.min(offset, file.text.length), Math.min(offset + 1, file.text.length)],
  };
}

function get(map: YAMLMap, key: string): { value: unknown; keyRange?: Range } | undefined {
  const pair = findPairInsensitive(map, key);
  return pair ? { value: pair.value } : undefined;
}

function buildDraft(file: SourceFile, source: YamlSource, map: YAMLMap, range: Range, index: number, raw: Record<string, unknown>): Draft {
  const text = (m: YAMLMap, key: string): TextField | undefined => {
    const pair = findPairInsensitive(m, key);
    return pair ? scalarText(source, pair.value, nodeRange(source, pair.key as Node)) : undefined;
  };
  const draft: Draft = {
    file,
    format: 'meta-json',
    index,
    range,
    buttons: [],
    bodyExamples: { positional: [], named: new Map() },
    raw: raw ?? {},
  };
  const set = <K extends keyof Draft>(key: K, value: Draft[K] | undefined): void => {
    if (value !== undefined) draft[key] = value;
  };
  set('name', text(map, 'name'));
  set('language', text(map, 'language'));
  set('category', text(map, 'category'));
  set('useCase', text(map, 'use_case'));
  set('parameterFormat', text(map, 'parameter_format'));
  const components = get(map, 'components')?.value;
  if (!isSeq(components)) return draft;
  for (const component of components.items) {
    if (!isMap(component)) continue;
    const type = text(component, 'type')?.value.toUpperCase();
    const componentRange = nodeRange(source, component) ?? range;
    if (type === 'HEADER' && !draft.header) draft.header = readHeader(source, component, componentRange, text);
    else if (type === 'BODY' && !draft.body) {
      const body = text(component, 'text');
      if (body) draft.body = { text: body.text, range: body.range };
      draft.bodyExamples = readBodyExamples(source, component);
      set('addSecurityRecommendation', scalarField(source, get(component, 'add_security_recommendation')?.value, isBoolean));
    } else if (type === 'FOOTER' && !draft.footer) {
      set('footer', text(component, 'text'));
      set('codeExpirationMinutes', scalarField(source, get(component, 'code_expiration_minutes')?.value, isNumber));
    } else if (type === 'BUTTONS') {
      const buttons = get(component, 'buttons')?.value;
      if (!isSeq(buttons)) continue;
      draft.buttonsRange = nodeRange(source, buttons as Node);
      for (const node of buttons.items) {
        if (!isMap(node)) continue;
        const typeField = text(node, 'type');
        const button: ButtonModel = {
          index: draft.buttons.length,
          type: typeField ? { value: typeField.value.toLowerCase(), range: typeField.range } : { value: '', range: nodeRange(source, node) ?? range },
          examples: exampleList(source, get(node, 'example')?.value),
          range: nodeRange(source, node) ?? range,
        };
        const fields: [keyof ButtonModel, string][] = [['text', 'text'], ['url', 'url'], ['phoneNumber', 'phone_number'], ['otpType', 'otp_type']];
        for (const [prop, key] of fields) {
          const value = text(node, key);
          if (value) (button as unknown as Record<string, unknown>)[prop] = value;
        }
        draft.buttons.push(button);
      }
    }
  }
  return draft;
}

const isBoolean = (v: unknown): v is boolean => typeof v === 'boolean';
const isNumber = (v: unknown): v is number => typeof v === 'number';

function exampleList(source: YamlSource, node: unknown): TextField[] {
  if (isSeq(node)) {
    const out: TextField[] = [];
    for (const item of node.items) {
      if (isSeq(item)) out.push(...exampleList(source, item));
      else {
        const value = scalarText(source, item);
        if (value) out.push(value);
      }
    }
    return out;
  }
  const single = scalarText(source, node);
  return single ? [single] : [];
}

function namedExamples(source: YamlSource, node: unknown, set: ExampleSet): void {
  if (!isSeq(node)) return;
  for (const item of node.items) {
    if (!isMap(item)) continue;
    const name = findPairInsensitive(item, 'param_name')?.value;
    const example = scalarText(source, findPairInsensitive(item, 'example')?.value);
    if (isScalar(name) && typeof name.value === 'string' && example) set.named.set(name.value, example);
  }
}

function readBodyExamples(source: YamlSource, component: YAMLMap): ExampleSet {
  const set: ExampleSet = { positional: [], named: new Map() };
  const example = get(component, 'example')?.value;
  if (!isMap(example)) return set;
  set.range = nodeRange(source, example as Node);
  const bodyText = findPairInsensitive(example, 'body_text')?.value;
  // Meta nests positional body examples one level deeper: [["Ana", "A-1"]].
  const firstRow = isSeq(bodyText) ? bodyText.items[0] : undefined;
  set.positional = exampleList(source, isSeq(firstRow) ? firstRow : bodyText);
  namedExamples(source, findPairInsensitive(example, 'body_text_named_params')?.value, set);
  return set;
}

function readHeader(
  source: YamlSource,
  component: YAMLMap,
  range: Range,
  text: (m: YAMLMap, key: string) => TextField | undefined,
): HeaderModel {
  const format = text(component, 'format');
  const header: HeaderModel = {
    format: format ? { value: format.value.toLowerCase(), range: format.range } : { value: 'text', range },
    examples: [],
    range,
  };
  const headerText = text(component, 'text');
  if (headerText) header.text = headerText;
  const example = get(component, 'example')?.value;
  if (isMap(example)) {
    header.examples = exampleList(source, findPairInsensitive(example, 'header_text')?.value);
    const named: ExampleSet = { positional: [], named: new Map() };
    namedExamples(source, findPairInsensitive(example, 'header_text_named_params')?.value, named);
    header.examples.push(...named.named.values());
    const handle = exampleList(source, findPairInsensitive(example, 'header_handle')?.value)[0];
    if (handle) header.mediaSample = handle;
  }
  return header;
}
