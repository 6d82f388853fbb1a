import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  CONFIG_FILE_NAMES,
  ConfigResolver,
  createSourceFile,
  formatForPath,
  fixUntilStable,
  isIgnored,
  Linter,
  loadCatalog,
  UsageError,
  type Finding,
  type ResolvedConfig,
} from '@pesan/core';
import {
  CodeActionKind,
  createConnection,
  DiagnosticSeverity,
  DidChangeWatchedFilesNotification,
  MarkupKind,
  MessageType,
  ProposedFeatures,
  ShowMessageNotification,
  TextDocuments,
  TextDocumentSyncKind,
  type CodeAction,
  type Connection,
  type Diagnostic,
  type InitializeParams,
  type InitializeResult,
  type WorkspaceEdit,
} from 'vscode-languageserver/node.js';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DEFAULT_VOCABULARY_RULES, FIX_ALL_KIND, disableAction, fixAction, fixAllEdit, markedTerm, suggestionActions } from './actions.js';
import { isDraft, parseText, type Analysis } from './analysis.js';
import { offsetAt, rangeAt, SOURCE, toDiagnostic, touches } from './convert.js';
import { parameterHover } from './hover.js';
import { minimalReplacement, newConfigWithTerm, withAcceptedTerm, type Vocabulary } from './vocabulary.js';

/** Options a client may pass in `initializationOptions` (all optional). */
export interface PesanInitializationOptions {
  /** Milliseconds to wait after a change before linting again (default 150; 0 lints on every change). */
  debounceMs?: number;
  /** Send a `pesan/lintTiming` notification ({uri, version, ms}) after each lint (benchmarks). */
  reportTiming?: boolean;
  /** Rules whose findings offer "Add '<term>' to project vocabulary" (default: no-promotional-content). */
  vocabularyRules?: string[];
}

export interface ServerOptions {
  /** A ready connection (tests, other transports). Default: one over `input`/`output`, else the command line's. */
  connection?: Connection;
  input?: NodeJS.ReadableStream;
  output?: NodeJS.WritableStream;
  /** Module exporting the rule `catalog` (default: @pesan/rules). */
  catalogModule?: string;
  /** Default debounce when the client sets none. */
  debounceMs?: number;
}

export const ADD_TO_VOCABULARY_COMMAND = 'pesan.addToVocabulary';
export const RELINT_COMMAND = 'pesan.relint';
export const LINT_TIMING_NOTIFICATION = 'pesan/lintTiming';

const version = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;
const TRANSPORT_FLAGS = /^--(stdio|node-ipc|socket|pipe)(=|$)/;

/** Fire-and-forget: a client that refuses a message (or has gone) must not crash the server. */
function quietly(promise: Promise<unknown>): void {
  promise.then(undefined, () => undefined);
}

function isConfigOrLexicon(filePath: string): boolean {
  const base = path.basename(filePath);
  return (CONFIG_FILE_NAMES as readonly string[]).includes(base) || base === 'package.json' || /(^|[\\/])lexicons([\\/]|$)/.test(filePath);
}

function connectionFor(options: ServerOptions): Connection {
  if (options.connection) return options.connection;
  if (options.input && options.output) return createConnection(ProposedFeatures.all, options.input, options.output);
  // `--stdio`, `--node-ipc`, `--socket=N`, `--pipe=name` on the command line: the library picks the transport and,
  // for stdio, sends console output to the client instead of corrupting the protocol stream.
  if (process.argv.some((a) => TRANSPORT_FLAGS.test(a))) return createConnection(ProposedFeatures.all);
  const connection = createConnection(ProposedFeatures.all, process.stdin, process.stdout);
  const log = (...args: unknown[]): void => connection.console.log(args.map(String).join(' '));
  console.log = log;
  console.info = log;
  console.debug = log;
  return connection;
}

/**
 * Starts Pesan's language server and returns its connection (already listening). Diagnostics on open and
 * (debounced) change for Markdown drafts and Meta JSON, hover on parameters, code actions (fixes, suggestions,
 * disable comments, project vocabulary), and re-lint of open drafts when a config or lexicon changes.
 */
export function startServer(options: ServerOptions = {}): Connection {
  const connection = connectionFor(options);
  const documents = new TextDocuments(TextDocument);
  const catalogModule = options.catalogModule ?? import.meta.resolve('@pesan/rules');

  let linter: Linter | undefined;
  let resolver: ConfigResolver | undefined;
  let generation = 0;
  let debounceMs = options.debounceMs ?? 150;
  let reportTiming = false;
  let vocabularyRules = new Set(DEFAULT_VOCABULARY_RULES);
  let folders: string[] = [];
  const caps = { createFile: false, dynamicWatch: false, workspaceFolders: false };
  const analyses = new Map<string, Analysis>();
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  const shownConfigErrors = new Set<string>();
  /** Without client file watching: config files seen above each folder, checked at most once a second. */
  const stamps = new Map<string, { stamp: string; checked: number }>();

  const filePathOf = (uri: string, languageId: string): string | undefined => {
    if (uri.startsWith('file:')) return fileURLToPath(uri);
    if (uri.startsWith('untitled:')) return path.join(folders[0] ?? process.cwd(), `untitled${languageId === 'json' ? '.json' : '.md'}`);
    return undefined;
  };

  const folderOf = (filePath: string): string | undefined =>
    folders.filter((f) => filePath === f || filePath.startsWith(f.endsWith(path.sep) ? f : f + path.sep)).sort((a, b) => b.length - a.length)[0];

  /** Drops the config cache (and, after a lexicon change, the catalog's compiled lexicons when it can reload them). */
  const invalidate = (lexicons = false): void => {
    if (lexicons) (linter?.catalog as { reload?: () => void } | undefined)?.reload?.();
    if (linter) resolver = new ConfigResolver(linter.fullCatalog);
    generation++;
    shownConfigErrors.clear();
    stamps.clear();
  };

  /** Config files that apply above `dir`, with their modification times (the fallback for clients that cannot watch). */
  const configStamp = (dir: string): string => {
    const parts: string[] = [];
    for (let current = dir; ; current = path.dirname(current)) {
      for (const name of [...CONFIG_FILE_NAMES, 'package.json']) {
        try {
          parts.push(`${name}@${current}:${statSync(path.join(current, name)).mtimeMs}`);
        } catch {
          // Not there.
        }
      }
      if (path.dirname(current) === current) break;
    }
    return parts.join('|');
  };

  /** True when a config above `filePath` changed since last seen (only used when the client does not watch files). */
  const configChanged = (filePath: string): boolean => {
    if (caps.dynamicWatch) return false;
    const dir = path.dirname(filePath);
    const now = Date.now();
    const seen = stamps.get(dir);
    if (seen && now - seen.checked < 1000) return false;
    const stamp = configStamp(dir);
    stamps.set(dir, { stamp, checked: now });
    return seen !== undefined && seen.stamp !== stamp;
  };

  const configErrorDiagnostic = (message: string): Diagnostic => ({
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: DiagnosticSeverity.Error,
    code: 'config-error',
    source: SOURCE,
    message: `Pesan cannot use its config: ${message}`,
  });

  const analyze = (doc: TextDocument): Analysis => {
    const cached = analyses.get(doc.uri);
    if (cached && cached.version === doc.version && cached.generation === generation) return cached;
    const text = doc.getText();
    const filePath = filePathOf(doc.uri, doc.languageId) ?? doc.uri;
    const draft = linter !== undefined && filePath !== doc.uri && isDraft(filePath, text);
    if (!draft) {
      const analysis: Analysis = { file: createSourceFile(filePath, text), bom: 0, uri: doc.uri, version: doc.version, generation, filePath, format: formatForPath(filePath), diagnostics: [] };
      analyses.set(doc.uri, analysis);
      return analysis;
    }
    const { lintedText, format, parsed } = parseText(filePath, text);
    const analysis: Analysis = { ...lintedText, uri: doc.uri, version: doc.version, generation, filePath, format, parsed, diagnostics: [] };
    let config: ResolvedConfig;
    try {
      config = resolver!.forFile(filePath);
    } catch (error) {
      if (!(error instanceof UsageError)) throw error;
      analysis.configError = error.message;
      analysis.diagnostics = [configErrorDiagnostic(error.message)];
      if (!shownConfigErrors.has(error.message)) {
        shownConfigErrors.add(error.message);
        quietly(connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Error, message: `Pesan: ${error.message}` }));
      }
      analyses.set(doc.uri, analysis);
      return analysis;
    }
    analysis.config = config;
    if (!isIgnored(config, filePath)) {
      analysis.result = linter!.lintParsed(analysis.file, parsed, config);
      analysis.diagnostics = analysis.result.messages.map((m) => toDiagnostic(analysis, m));
    }
    analyses.set(doc.uri, analysis);
    return analysis;
  };

  const lintAndPublish = (doc: TextDocument): Analysis => {
    const start = performance.now();
    const timer = timers.get(doc.uri);
    if (timer) {
      clearTimeout(timer);
      timers.delete(doc.uri);
    }
    const filePath = filePathOf(doc.uri, doc.languageId);
    if (filePath && configChanged(filePath)) {
      invalidate();
      for (const other of documents.all()) if (other.uri !== doc.uri) lintAndPublish(other);
    }
    const analysis = analyze(doc);
    const sent = connection.sendDiagnostics({ uri: doc.uri, version: doc.version, diagnostics: analysis.diagnostics });
    if (reportTiming) {
      // `ms`: from the lint's start to the diagnostics handed to the transport (config check, parse, rules,
      // conversion); `writtenMs`: until the transport has written them to the client.
      const ms = performance.now() - start;
      quietly(sent.then(() => connection.sendNotification(LINT_TIMING_NOTIFICATION, { uri: doc.uri, version: doc.version, ms, writtenMs: performance.now() - start })));
    } else quietly(sent);
    return analysis;
  };

  /** The analysis of the document as it is now (lints at once when a debounced lint is pending). */
  const current = (uri: string): Analysis | undefined => {
    const doc = documents.get(uri);
    if (!doc) return undefined;
    const cached = analyses.get(uri);
    if (cached && cached.version === doc.version && cached.generation === generation) return cached;
    return lintAndPublish(doc);
  };

  const schedule = (doc: TextDocument): void => {
    const previous = timers.get(doc.uri);
    if (previous) clearTimeout(previous);
    if (debounceMs <= 0) {
      lintAndPublish(doc);
      return;
    }
    timers.set(
      doc.uri,
      setTimeout(() => {
        timers.delete(doc.uri);
        const latest = documents.get(doc.uri);
        if (latest) lintAndPublish(latest);
      }, debounceMs),
    );
  };

  const relintAll = (): void => {
    for (const doc of documents.all()) lintAndPublish(doc);
  };

  const textOfFile = (filePath: string): string | undefined => {
    const open = documents.get(pathToFileURL(filePath).href);
    if (open) return open.getText();
    try {
      return readFileSync(filePath, 'utf8');
    } catch {
      return undefined;
    }
  };

  const editConfigFile = (configFile: string, term: string, inherited: Vocabulary | undefined): WorkspaceEdit | undefined => {
    const before = textOfFile(configFile);
    if (before === undefined) return undefined;
    const after = withAcceptedTerm(configFile, before, term, inherited);
    if (after === undefined) return undefined;
    const change = minimalReplacement(before, after);
    const doc = TextDocument.create(pathToFileURL(configFile).href, 'yaml', 0, before);
    return { changes: { [doc.uri]: [{ range: { start: doc.positionAt(change.start), end: doc.positionAt(change.end) }, newText: change.text }] } };
  };

  const vocabularyAction = (analysis: Analysis, finding: Finding, diagnostic: Diagnostic): CodeAction | undefined => {
    const term = markedTerm(analysis, finding);
    if (!term || term.length > 80) return undefined;
    const inherited = analysis.config?.settings.vocabulary;
    if (inherited?.accept.some((t) => t.localeCompare(term, undefined, { sensitivity: 'accent' }) === 0)) return undefined;
    const title = `Add '${term}' to project vocabulary`;
    const base: CodeAction = { title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic] };
    const configFile = analysis.config?.file;
    if (configFile) {
      const edit = editConfigFile(configFile, term, inherited);
      return edit ? { ...base, edit } : undefined;
    }
    const target = path.join(folderOf(analysis.filePath) ?? path.dirname(analysis.filePath), 'pesan.config.yaml');
    if (existsSync(target)) {
      const edit = editConfigFile(target, term, inherited);
      return edit ? { ...base, edit } : undefined;
    }
    if (!caps.createFile) return { ...base, command: { title, command: ADD_TO_VOCABULARY_COMMAND, arguments: [{ file: target, term }] } };
    const uri = pathToFileURL(target).href;
    return {
      ...base,
      edit: {
        documentChanges: [
          { kind: 'create', uri, options: { overwrite: false, ignoreIfExists: true } },
          { textDocument: { uri, version: null }, edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: newConfigWithTerm(term) }] },
        ],
      },
    };
  };

  connection.onInitialize(async (params: InitializeParams): Promise<InitializeResult> => {
    const catalog = await loadCatalog(catalogModule);
    linter = new Linter(catalog);
    resolver = new ConfigResolver(linter.fullCatalog);
    const init = (params.initializationOptions ?? {}) as PesanInitializationOptions;
    if (typeof init.debounceMs === 'number' && init.debounceMs >= 0) debounceMs = init.debounceMs;
    reportTiming = init.reportTiming === true;
    if (Array.isArray(init.vocabularyRules)) vocabularyRules = new Set(init.vocabularyRules.filter((r) => typeof r === 'string'));
    const fromUri = (uri: string): string | undefined => (uri.startsWith('file:') ? fileURLToPath(uri) : undefined);
    folders = (params.workspaceFolders ?? []).map((f) => fromUri(f.uri)).filter((f): f is string => f !== undefined);
    if (folders.length === 0 && params.rootUri) folders = [fromUri(params.rootUri)].filter((f): f is string => f !== undefined);
    else if (folders.length === 0 && params.rootPath) folders = [params.rootPath];
    const workspace = params.capabilities.workspace;
    caps.createFile = workspace?.workspaceEdit?.documentChanges === true && (workspace.workspaceEdit.resourceOperations ?? []).includes('create');
    caps.dynamicWatch = workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    caps.workspaceFolders = workspace?.workspaceFolders === true;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        hoverProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
        executeCommandProvider: { commands: [ADD_TO_VOCABULARY_COMMAND, RELINT_COMMAND] },
        ...(caps.workspaceFolders ? { workspace: { workspaceFolders: { supported: true, changeNotifications: true } } } : {}),
      },
      serverInfo: { name: 'pesan', version },
    };
  });

  connection.onInitialized(() => {
    if (caps.dynamicWatch) {
      quietly(connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: [{ globPattern: '**/pesan.config.{json,yaml,yml}' }, { globPattern: '**/package.json' }, { globPattern: '**/lexicons/**' }],
      }));
    }
    if (caps.workspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders((event) => {
        const removed = new Set(event.removed.map((f) => f.uri));
        folders = [
          ...folders.filter((f) => !removed.has(pathToFileURL(f).href)),
          ...event.added.filter((f) => f.uri.startsWith('file:')).map((f) => fileURLToPath(f.uri)),
        ];
      });
    }
  });

  connection.onDidChangeConfiguration((params) => {
    const settings = (params.settings as { pesan?: { debounceMs?: unknown } } | null | undefined)?.pesan;
    if (typeof settings?.debounceMs === 'number' && settings.debounceMs >= 0) debounceMs = settings.debounceMs;
  });

  documents.onDidOpen((event) => {
    lintAndPublish(event.document);
  });
  documents.onDidChangeContent((event) => {
    const cached = analyses.get(event.document.uri);
    // didOpen also fires a content change: that version is linted already.
    if (cached && cached.version === event.document.version && cached.generation === generation) return;
    schedule(event.document);
  });
  documents.onDidClose((event) => {
    const timer = timers.get(event.document.uri);
    if (timer) clearTimeout(timer);
    timers.delete(event.document.uri);
    analyses.delete(event.document.uri);
    quietly(connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] }));
  });

  connection.onDidChangeWatchedFiles((params) => {
    const changed = params.changes.filter((change) => change.uri.startsWith('file:')).map((change) => fileURLToPath(change.uri));
    if (!changed.some(isConfigOrLexicon)) return;
    invalidate(changed.some((file) => /(^|[\\/])lexicons([\\/]|$)/.test(file)));
    relintAll();
  });

  connection.onHover((params) => {
    const analysis = current(params.textDocument.uri);
    if (!analysis?.parsed) return null;
    const found = parameterHover(analysis.parsed.drafts, offsetAt(analysis, params.position));
    if (!found) return null;
    return { contents: { kind: MarkupKind.Markdown, value: found.markdown }, range: rangeAt(analysis, found.range) };
  });

  connection.onCodeAction((params) => {
    const analysis = current(params.textDocument.uri);
    if (!analysis?.result) return [];
    const only = params.context.only;
    const wants = (kind: string): boolean => !only || only.some((o) => kind === o || kind.startsWith(`${o}.`));
    const actions: CodeAction[] = [];
    const messages = analysis.result.messages;
    let touchedFixes = 0;
    if (wants(CodeActionKind.QuickFix)) {
      const disabled = new Set<string>();
      const terms = new Set<string>();
      messages.forEach((finding, i) => {
        const diagnostic = analysis.diagnostics[i]!;
        if (!touches(diagnostic.range, params.range)) return;
        const fix = fixAction(analysis, finding, diagnostic);
        if (fix) {
          actions.push(fix);
          touchedFixes++;
        }
        actions.push(...suggestionActions(analysis, finding, diagnostic));
        if (vocabularyRules.has(finding.ruleId)) {
          const term = markedTerm(analysis, finding).toLowerCase();
          if (!terms.has(term)) {
            terms.add(term);
            const action = vocabularyAction(analysis, finding, diagnostic);
            if (action) actions.push(action);
          }
        }
        const key = `${finding.ruleId}@${finding.line}`;
        if (!disabled.has(key)) {
          disabled.add(key);
          const action = disableAction(analysis, finding, diagnostic);
          if (action) actions.push(action);
        }
      });
    }
    const fixable = messages.filter((m) => m.fix).length;
    const askedForFixAll = only !== undefined && wants(FIX_ALL_KIND);
    if (fixable > 0 && analysis.config && (askedForFixAll || (only === undefined && touchedFixes > 0 && fixable > 1))) {
      const config = analysis.config;
      const fixed = fixUntilStable(analysis.file.text, (text) => linter!.lintText(text, analysis.filePath, config));
      if (fixed.text !== analysis.file.text) {
        actions.push({ title: 'Fix all auto-fixable Pesan problems', kind: FIX_ALL_KIND, edit: fixAllEdit(analysis, fixed.text) });
      }
    }
    // Stable order: preferred fixes, then suggestions and the rest as built.
    return actions;
  });

  connection.onExecuteCommand((params) => {
    if (params.command === RELINT_COMMAND) {
      invalidate(true);
      relintAll();
      return null;
    }
    if (params.command === ADD_TO_VOCABULARY_COMMAND) {
      const arg = (params.arguments?.[0] ?? {}) as { file?: unknown; term?: unknown };
      if (typeof arg.file !== 'string' || typeof arg.term !== 'string') return null;
      const before = existsSync(arg.file) ? readFileSync(arg.file, 'utf8') : undefined;
      const after = before === undefined ? newConfigWithTerm(arg.term) : withAcceptedTerm(arg.file, before, arg.term);
      if (after !== undefined) writeFileSync(arg.file, after);
      invalidate();
      relintAll();
    }
    return null;
  });

  connection.onShutdown(() => {
    for (const timer of timers.values()) clearTimeout(timer);
    timers.clear();
  });

  documents.listen(connection);
  connection.listen();
  return connection;
}
