import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CodeActionRequest,
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DidOpenTextDocumentNotification,
  ExecuteCommandRequest,
  ExitNotification,
  FileChangeType,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  ShutdownRequest,
  type CodeAction,
  type Diagnostic,
  type InitializeResult,
  type MarkupContent,
  type Range,
} from 'vscode-languageserver-protocol/node.js';
import { applyTextEdits, applyWorkspaceEdit, LspTestClient } from './lsp-client.js';
import { pesan, repoRoot } from './run-pesan.js';

/**
 * Drives `pesan lsp --stdio` as an editor would: initialize, open drafts, edit them, ask for hover and code actions,
 * apply the edits, change the config, shut down.
 */

const draft = [
  '---',
  'name: order_shipped',
  'category: utility',
  'language: en_US',
  'examples:',
  '  body: ["Ana", "#4521"]',
  '---',
  'Hi {{1}}, your order {{ 2 }} has shipped and will arrive soon. Reply here if anything looks wrong.',
  '',
].join('\n');

const metaJson = JSON.stringify(
  { name: 'Promo Blast', language: 'en_US', category: 'UTILITY', components: [{ type: 'BODY', text: 'Your code is {{1}}.', example: { body_text: [['4821']] } }] },
  null,
  2,
);

const promotional = [
  '---',
  'name: order_update',
  'category: UTILITY',
  'language: en_US',
  'examples:',
  '  body: ["#4521"]',
  '---',
  'Your order {{1}} has shipped. Get 50% off your next purchase, shop now!',
  '',
].join('\n');

const hasPromotionRule = (JSON.parse(pesan(['rules', '--json']).stdout) as { id: string }[]).some((r) => r.id === 'no-promotional-content');

let root: string;
let ws: string;
let ws2: string;
let client: LspTestClient;
let init: InitializeResult;
const uriOf = (file: string): string => pathToFileURL(file).href;
const codes = (diagnostics: Diagnostic[]): string[] => diagnostics.map((d) => String(d.code));
const lineRange = (line: number, start: number, end: number): Range => ({ start: { line, character: start }, end: { line, character: end } });

beforeAll(async () => {
  root = mkdtempSync(path.join(tmpdir(), 'pesan-lsp-'));
  ws = path.join(root, 'ws');
  ws2 = path.join(root, 'ws2');
  mkdirSync(path.join(ws, 'drafts'), { recursive: true });
  mkdirSync(ws2, { recursive: true });
  writeFileSync(path.join(ws, 'pesan.config.yaml'), '# Team config\nextends: recommended\nrules:\n  body-length-recommended: off\n');
  writeFileSync(path.join(ws, 'drafts', 'order.md'), draft);
  client = LspTestClient.start();
  init = await client.connection.sendRequest(InitializeRequest.type, {
    processId: process.pid,
    rootUri: uriOf(ws),
    workspaceFolders: [
      { uri: uriOf(ws), name: 'ws' },
      { uri: uriOf(ws2), name: 'ws2' },
    ],
    capabilities: {
      workspace: {
        workspaceEdit: { documentChanges: true, resourceOperations: ['create'] },
        didChangeWatchedFiles: { dynamicRegistration: true },
        workspaceFolders: true,
      },
      textDocument: { hover: { contentFormat: ['markdown', 'plaintext'] }, codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source.fixAll'] } } } },
    },
    // A short debounce keeps the test fast; `vocabularyRules` also offers the vocabulary action on example-required,
    // so the config edit is exercised even before the compliance rules land.
    initializationOptions: { debounceMs: 100, vocabularyRules: ['no-promotional-content', 'example-required'] },
  });
  await client.connection.sendNotification(InitializedNotification.type, {});
}, 20_000);

afterAll(async () => {
  if (client && client.child.exitCode === null) client.child.kill();
  rmSync(root, { recursive: true, force: true });
});

describe('pesan lsp --stdio', () => {
  const orderFile = (): string => path.join(ws, 'drafts', 'order.md');
  let version = 1;
  let current = draft;

  it('initializes with the features editors look for', () => {
    expect(init.serverInfo?.name).toBe('pesan');
    expect(init.capabilities.hoverProvider).toBe(true);
    expect(init.capabilities.codeActionProvider).toBeTruthy();
    expect(init.capabilities.textDocumentSync).toMatchObject({ openClose: true, change: 2 });
  });

  it('publishes diagnostics on open: rule id as code, docs link, 0-based ranges', async () => {
    const uri = uriOf(orderFile());
    const since = client.published.length;
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'markdown', version, text: current } });
    const published = await client.diagnostics(uri, undefined, { since });
    expect(published.version).toBe(1);
    // (Other rules, e.g. the compliance ones, may add findings of their own: assert the ones this draft is about.)
    expect(codes(published.diagnostics)).toEqual(expect.arrayContaining(['category-enum', 'example-required', 'positional-param-syntax']));
    const syntax = published.diagnostics.find((d) => d.code === 'positional-param-syntax')!;
    // `{{ 2 }}` is on line 8, columns 22-28 (1-based) in the CLI: 7 and 21-28 here.
    expect(syntax.range).toEqual(lineRange(7, 21, 28));
    expect(syntax.severity).toBe(1);
    expect(syntax.source).toBe('pesan');
    expect(syntax.codeDescription?.href).toMatch(/positional-param-syntax\.md$/);
    const category = published.diagnostics.find((d) => d.code === 'category-enum')!;
    expect(category.range).toEqual(lineRange(2, 10, 17));
    // The server watches configs and lexicons.
    expect(JSON.stringify(client.registrations)).toContain('pesan.config');
    expect(JSON.stringify(client.registrations)).toContain('lexicons');
  });

  it('does not lint Markdown without front matter, and lints Meta JSON', async () => {
    const readme = uriOf(path.join(ws, 'README.md'));
    const json = uriOf(path.join(ws, 'drafts', 'promo.json'));
    const since = client.published.length;
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: readme, languageId: 'markdown', version: 1, text: '# Templates\n\nDrafts live in drafts/.\n' } });
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: json, languageId: 'json', version: 1, text: metaJson } });
    expect((await client.diagnostics(readme, undefined, { since })).diagnostics).toEqual([]);
    const published = await client.diagnostics(json, undefined, { since });
    const name = published.diagnostics.find((d) => d.code === 'name-charset');
    expect(name).toBeDefined();
    expect(name!.range.start.line).toBe(1);
  });

  it('hovers a parameter with its example value and other uses', async () => {
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: uriOf(orderFile()) }, position: { line: 7, character: 5 } });
    expect(hover).not.toBeNull();
    const value = (hover!.contents as MarkupContent).value;
    expect(value).toContain('{{1}}');
    expect(value).toContain('Example: `Ana`');
    expect(value).toMatch(/line 6/);
    expect(hover!.range).toEqual(lineRange(7, 3, 8));
    const none = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: uriOf(orderFile()) }, position: { line: 7, character: 12 } });
    expect(none).toBeNull();

    // A URL button's parameter: the value is what replaces {{1}} in the example URL.
    const shipped = readFileSync(path.join(repoRoot, 'fixtures/templates/valid/order_shipped.en.md'), 'utf8');
    const uri = uriOf(path.join(ws, 'drafts', 'shipped.md'));
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'markdown', version: 1, text: shipped } });
    const lines = shipped.split('\n');
    const urlLine = lines.findIndex((l) => l.includes('/track/{{1}}'));
    const button = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: urlLine, character: lines[urlLine]!.indexOf('{{1}}') + 2 } });
    const text = (button!.contents as MarkupContent).value;
    expect(text).toContain('button 1 URL parameter');
    expect(text).toContain('Example: `JX123456789` — from the example URL');
    expect(text).toMatch(/Also written `\{\{1\}\}` in: header line 6, example `#4521`; body line 15, example `Ana`/);
  });

  it('offers the fix, the disable comment and the vocabulary action', async () => {
    const uri = uriOf(orderFile());
    const at = (range: Range): Promise<CodeAction[]> =>
      client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range, context: { diagnostics: [] } }) as Promise<CodeAction[]>;

    const body = await at(lineRange(7, 23, 23));
    const fix = body.find((a) => a.isPreferred)!;
    expect(fix.kind).toBe('quickfix');
    expect(fix.title).toContain('positional-param-syntax');
    expect(fix.edit!.changes![uri]).toEqual([{ range: lineRange(7, 21, 28), newText: '{{2}}' }]);
    const disableBody = body.find((a) => a.title === 'Disable positional-param-syntax for this line')!;
    expect(disableBody.edit!.changes![uri]).toEqual([{ range: lineRange(7, 0, 0), newText: '<!-- pesan-disable-next-line positional-param-syntax -->\n' }]);

    const frontMatter = await at(lineRange(2, 12, 12));
    const disableYaml = frontMatter.find((a) => a.title === 'Disable category-enum for this line')!;
    expect(disableYaml.edit!.changes![uri]).toEqual([{ range: lineRange(2, 0, 0), newText: '# pesan-disable-next-line category-enum\n' }]);
    expect(frontMatter.find((a) => a.isPreferred)!.edit!.changes![uri]![0]!.newText).toBe('UTILITY');

    // Fix all (e.g. on save): every safe fix of the draft in one edit.
    const all = (await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: lineRange(0, 0, 0), context: { diagnostics: [], only: ['source.fixAll'] } })) as CodeAction[];
    expect(all.map((a) => a.kind)).toEqual(['source.fixAll.pesan']);
    const fixed = applyTextEdits(current, all[0]!.edit!.changes![uri]!);
    expect(fixed).toBe(current.replace('category: utility', 'category: UTILITY').replace('{{ 2 }}', '{{2}}'));

    // Applying the disable comment silences exactly that finding.
    const disabled = applyTextEdits(current, disableYaml.edit!.changes![uri]!);
    expect(pesan(['lint', '--stdin', '--stdin-filename', orderFile(), '--format', 'json'], { input: disabled }).stdout).not.toContain('category-enum');

    const examples = await at(lineRange(5, 19, 19));
    const vocabulary = examples.find((a) => a.title === "Add '#4521' to project vocabulary")!;
    expect(vocabulary).toBeDefined();
    const configUri = uriOf(path.join(ws, 'pesan.config.yaml'));
    expect(Object.keys(vocabulary.edit!.changes!)).toEqual([configUri]);
    applyWorkspaceEdit(vocabulary.edit!);
    expect(readFileSync(path.join(ws, 'pesan.config.yaml'), 'utf8')).toBe(
      '# Team config\nextends: recommended\nrules:\n  body-length-recommended: off\nvocabulary:\n  accept:\n    - "#4521"\n',
    );
    // The edited config is valid for the CLI too.
    expect(pesan(['lint', orderFile(), '--format', 'json']).code).toBe(1);
  });

  it('re-lints after an edit (debounced)', async () => {
    const uri = uriOf(orderFile());
    const since = client.published.length;
    version++;
    current = current.replace('{{ 2 }}', '{{2}}');
    await client.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version },
      contentChanges: [{ range: lineRange(7, 21, 28), text: '{{2}}' }],
    });
    const published = await client.diagnostics(uri, (p) => p.version === version, { since });
    expect(codes(published.diagnostics)).toContain('category-enum');
    expect(codes(published.diagnostics)).not.toContain('positional-param-syntax');
    expect(codes(published.diagnostics)).not.toContain('example-required');
    const count = published.diagnostics.length;
    // Quick edits (typing): the debounce coalesces them, and the last version is always linted.
    const before = client.published.length;
    for (const text of ['t', 'y', 'p', 'e', 'd']) {
      version++;
      await client.connection.sendNotification(DidChangeTextDocumentNotification.type, {
        textDocument: { uri, version },
        contentChanges: [{ range: lineRange(7, 0, 0), text }],
      });
    }
    const last = await client.diagnostics(uri, (p) => p.version === version, { since: before });
    expect(last.diagnostics.length).toBe(count);
    const versions = client.published.slice(before).filter((p) => p.uri === uri).map((p) => p.version);
    expect(versions.at(-1)).toBe(version);
    expect(versions.length).toBeLessThan(5);
  });

  it('re-lints open drafts when the config changes', async () => {
    const uri = uriOf(orderFile());
    const config = path.join(ws, 'pesan.config.yaml');
    writeFileSync(config, readFileSync(config, 'utf8').replace('  body-length-recommended: off\n', '  body-length-recommended: off\n  category-enum: off\n'));
    const since = client.published.length;
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: uriOf(config), type: FileChangeType.Changed }] });
    const published = await client.diagnostics(uri, () => true, { since });
    expect(codes(published.diagnostics)).not.toContain('category-enum');
  });

  it('creates a config when accepting a term in a folder without one', async () => {
    const file = path.join(ws2, 'update.md');
    const uri = uriOf(file);
    const text = hasPromotionRule ? promotional : draft;
    const rule = hasPromotionRule ? 'no-promotional-content' : 'example-required';
    const since = client.published.length;
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    const published = await client.diagnostics(uri, undefined, { since });
    const finding = published.diagnostics.find((d) => d.code === rule)!;
    expect(finding).toBeDefined();
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: finding.range, context: { diagnostics: [finding] } })) as CodeAction[];
    const vocabulary = actions.find((a) => /^Add '.+' to project vocabulary$/.test(a.title))!;
    expect(vocabulary).toBeDefined();
    const term = /^Add '(.+)' to project vocabulary$/.exec(vocabulary.title)![1]!;
    const configUri = uriOf(path.join(ws2, 'pesan.config.yaml'));
    expect(vocabulary.edit!.documentChanges![0]).toMatchObject({ kind: 'create', uri: configUri });
    applyWorkspaceEdit(vocabulary.edit!);
    const created = readFileSync(path.join(ws2, 'pesan.config.yaml'), 'utf8');
    expect(created).toContain('vocabulary:\n  accept:\n    - ');
    expect(created).toContain(term);
    const after = client.published.length;
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: configUri, type: FileChangeType.Created }] });
    const relinted = await client.diagnostics(uri, () => true, { since: after });
    // The compliance lexicons honour the project vocabulary: the accepted term is no longer reported.
    if (hasPromotionRule) expect(relinted.diagnostics.filter((d) => d.code === rule && d.range.start.character === finding.range.start.character)).toEqual([]);
  });

  it('reports a broken config on the draft instead of failing', async () => {
    const dir = path.join(root, 'bad');
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'pesan.config.yaml'), 'rules:\n  no-such-rule: error\n');
    const uri = uriOf(path.join(dir, 'draft.md'));
    const since = client.published.length;
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'markdown', version: 1, text: draft } });
    const published = await client.diagnostics(uri, undefined, { since });
    expect(published.diagnostics).toHaveLength(1);
    expect(published.diagnostics[0]).toMatchObject({ code: 'config-error', severity: 1, range: lineRange(0, 0, 0) });
    expect(published.diagnostics[0]!.message).toMatch(/pesan\.config\.yaml:2: unknown rule `no-such-rule`/);
    expect(client.messages.some((m) => m.includes('no-such-rule'))).toBe(true);

    // The command clients use when they cannot create files through a workspace edit.
    const config = path.join(dir, 'pesan.config.yaml');
    writeFileSync(config, 'rules: {}\n');
    const after = client.published.length;
    await client.connection.sendRequest(ExecuteCommandRequest.type, { command: 'pesan.addToVocabulary', arguments: [{ file: config, term: 'gratis' }] });
    expect(readFileSync(config, 'utf8')).toBe('rules: {}\nvocabulary:\n  accept:\n    - gratis\n');
    // ...and re-lints open drafts with the repaired config.
    const relinted = await client.diagnostics(uri, () => true, { since: after });
    expect(codes(relinted.diagnostics)).toContain('category-enum');
  });

  it('shuts down cleanly', async () => {
    await client.connection.sendRequest(ShutdownRequest.type);
    await client.connection.sendNotification(ExitNotification.type);
    expect(await client.exited()).toBe(0);
  });
});
