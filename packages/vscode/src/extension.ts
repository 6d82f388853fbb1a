/**
 * The Pesan extension for VS Code: a thin client that starts `pesan lsp --stdio` (the language server does all
 * the work) for Markdown drafts and Meta template JSON.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { commands, window, workspace, type ExtensionContext } from 'vscode';
import { LanguageClient, type Executable, type LanguageClientOptions } from 'vscode-languageclient/node.js';

let client: LanguageClient | undefined;

/**
 * The `pesan` command to run: the `pesan.path` setting, else the workspace's node_modules/.bin/pesan, else
 * `pesan` on PATH. A path to a `.js` file (e.g. packages/cli/bin/pesan.js in Pesan's own repository) runs with
 * `node`.
 */
export function resolvePesan(setting: string | undefined, folders: readonly string[], platform: string = process.platform): { command: string; args: string[] } {
  const asCommand = (file: string): { command: string; args: string[] } =>
    /\.[cm]?js$/.test(file) ? { command: 'node', args: [file] } : { command: file, args: [] };
  if (setting) {
    const file = path.isAbsolute(setting) || (!setting.includes('/') && !setting.includes('\\')) ? setting : path.resolve(folders[0] ?? '.', setting);
    return asCommand(file);
  }
  for (const folder of folders) {
    const bin = path.join(folder, 'node_modules', '.bin', platform === 'win32' ? 'pesan.cmd' : 'pesan');
    if (existsSync(bin)) return asCommand(bin);
  }
  return { command: platform === 'win32' ? 'pesan.cmd' : 'pesan', args: [] };
}

function createClient(): LanguageClient {
  const settings = workspace.getConfiguration('pesan');
  const folders = (workspace.workspaceFolders ?? []).map((f) => f.uri.fsPath);
  const pesan = resolvePesan(settings.get<string>('path'), folders);
  const server: Executable = {
    command: pesan.command,
    args: [...pesan.args, 'lsp', '--stdio'],
    options: { cwd: folders[0] ?? process.cwd(), shell: process.platform === 'win32' },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'markdown' },
      { scheme: 'file', language: 'json' },
      { scheme: 'untitled', language: 'markdown' },
    ],
    initializationOptions: { debounceMs: settings.get<number>('debounceMs', 150) },
    // Sends `pesan.*` settings to the server when they change (the debounce, for one).
    synchronize: { configurationSection: 'pesan' },
    outputChannelName: 'Pesan',
  };
  return new LanguageClient('pesan', 'Pesan', { run: server, debug: server }, clientOptions);
}

export async function activate(context: ExtensionContext): Promise<void> {
  client = createClient();
  context.subscriptions.push(
    commands.registerCommand('pesan.restartServer', async () => {
      if (client) await client.stop();
      client = createClient();
      await client.start();
    }),
    workspace.onDidChangeConfiguration(async (event) => {
      if (!event.affectsConfiguration('pesan.path')) return;
      const answer = await window.showInformationMessage('Pesan: the server path changed.', 'Restart server');
      if (answer) await commands.executeCommand('pesan.restartServer');
    }),
  );
  try {
    await client.start();
  } catch (error) {
    void window.showErrorMessage(
      `Pesan: could not start \`pesan lsp --stdio\` (${error instanceof Error ? error.message : String(error)}). Install @pesan/cli in the workspace or set "pesan.path".`,
    );
  }
}

export async function deactivate(): Promise<void> {
  if (client) await client.stop();
  client = undefined;
}
