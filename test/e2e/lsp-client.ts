import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver-protocol/node.js';
import { pesanBin } from './run-pesan.js';

/**
 * A minimal LSP client for end-to-end tests: spawns `pesan lsp --stdio`, speaks JSON-RPC over its pipes, records
 * every `textDocument/publishDiagnostics` and answers the server's capability registrations.
 */
export class LspTestClient {
  readonly connection: ProtocolConnection;
  readonly published: PublishDiagnosticsParams[] = [];
  readonly registrations: unknown[] = [];
  /** Messages the server asked the editor to show. */
  readonly messages: string[] = [];
  private waiters: { match: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void }[] = [];
  stderr = '';

  private constructor(readonly child: ChildProcessWithoutNullStreams) {
    this.connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      this.stderr += chunk;
    });
    this.connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      this.published.push(params);
      this.waiters = this.waiters.filter((w) => {
        if (!w.match(params)) return true;
        w.resolve(params);
        return false;
      });
    });
    this.connection.onRequest(RegistrationRequest.type, (params) => {
      this.registrations.push(...params.registrations);
      return null;
    });
    this.connection.onRequest('window/showMessageRequest', (params: { message: string }) => {
      this.messages.push(params.message);
      return null;
    });
    this.connection.onNotification('window/showMessage', (params: { message: string }) => {
      this.messages.push(params.message);
    });
    this.connection.onNotification('window/logMessage', () => undefined);
    this.connection.listen();
  }

  static start(args: string[] = ['lsp', '--stdio'], cwd?: string): LspTestClient {
    const child = spawn(process.execPath, [pesanBin, ...args], { cwd, stdio: 'pipe', env: { ...process.env, NO_COLOR: '1' } });
    return new LspTestClient(child);
  }

  /** The next diagnostics published for `uri` that satisfy `match` (already received ones count when `since` allows). */
  diagnostics(uri: string, match: (p: PublishDiagnosticsParams) => boolean = () => true, options: { since?: number; timeoutMs?: number } = {}): Promise<PublishDiagnosticsParams> {
    const wanted = (p: PublishDiagnosticsParams): boolean => p.uri === uri && match(p);
    const earlier = this.published.slice(options.since ?? this.published.length).find(wanted);
    if (earlier) return Promise.resolve(earlier);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no matching diagnostics for ${uri} within ${options.timeoutMs ?? 5000} ms; got ${JSON.stringify(this.published.filter((p) => p.uri === uri).at(-1))}\n${this.stderr}`)), options.timeoutMs ?? 5000);
      this.waiters.push({
        match: wanted,
        resolve: (p) => {
          clearTimeout(timer);
          resolve(p);
        },
      });
    });
  }

  /** Resolves with the exit code once the server process ends. */
  exited(): Promise<number | null> {
    if (this.child.exitCode !== null) return Promise.resolve(this.child.exitCode);
    return new Promise((resolve) => this.child.once('exit', (code) => resolve(code)));
  }
}

function offsetOf(text: string, position: { line: number; character: number }): number {
  let offset = 0;
  for (let line = 0; line < position.line; line++) {
    const next = text.indexOf('\n', offset);
    if (next === -1) return text.length;
    offset = next + 1;
  }
  return Math.min(offset + position.character, text.length);
}

/** Applies LSP text edits to a string (edits must not overlap, as the protocol requires). */
export function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  const withOffsets = edits.map((e) => ({ start: offsetOf(text, e.range.start), end: offsetOf(text, e.range.end), newText: e.newText }));
  withOffsets.sort((a, b) => b.start - a.start || b.end - a.end);
  let out = text;
  for (const e of withOffsets) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}

/** Applies a workspace edit to files on disk, as an editor would after the user picks a code action. */
export function applyWorkspaceEdit(edit: WorkspaceEdit): string[] {
  const touched: string[] = [];
  for (const [uri, edits] of Object.entries(edit.changes ?? {})) {
    const file = fileURLToPath(uri);
    writeFileSync(file, applyTextEdits(existsSync(file) ? readFileSync(file, 'utf8') : '', edits));
    touched.push(uri);
  }
  for (const change of edit.documentChanges ?? []) {
    if ('kind' in change) {
      if (change.kind !== 'create') throw new Error(`unexpected resource operation ${change.kind}`);
      const file = fileURLToPath(change.uri);
      if (!existsSync(file)) writeFileSync(file, '');
      touched.push(change.uri);
      continue;
    }
    const file = fileURLToPath(change.textDocument.uri);
    writeFileSync(file, applyTextEdits(readFileSync(file, 'utf8'), change.edits as TextEdit[]));
    touched.push(change.textDocument.uri);
  }
  return touched;
}
