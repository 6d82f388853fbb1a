import type { Command } from 'commander';
import { catalogModule } from '../catalog-module.js';

interface LspFlags {
  stdio?: boolean;
  nodeIpc?: boolean;
  socket?: string;
  pipe?: string;
  debounce?: string;
}

/**
 * `pesan lsp --stdio`: the language server for editors (see docs/editors.md). The server package is imported
 * only when this command runs, so `pesan lint` does not pay for it.
 */
export function registerLsp(program: Command): void {
  program
    .command('lsp')
    .description('Start the Pesan language server (diagnostics, hover and quick fixes in your editor).')
    .option('--stdio', 'speak LSP over standard input and output (the default)')
    .option('--node-ipc', 'speak LSP over Node IPC (when started by a Node client)')
    .option('--socket <port>', 'speak LSP over a TCP socket on this port')
    .option('--pipe <name>', 'speak LSP over a named pipe')
    .option('--debounce <ms>', 'milliseconds to wait after a change before linting (default 150; clients can override)')
    // Clients add their own flags (e.g. --clientProcessId=123): the server library reads them.
    .allowUnknownOption()
    .allowExcessArguments()
    .addHelpText('after', `
Examples:
  pesan lsp --stdio          # what editors run; see docs/editors.md for VS Code, Neovim and Helix`)
    .action(async (flags: LspFlags) => {
      const { startServer } = await import('@pesan/lsp');
      const debounceMs = flags.debounce === undefined ? undefined : Number(flags.debounce);
      const connection = startServer({
        catalogModule,
        ...(debounceMs !== undefined && Number.isFinite(debounceMs) && debounceMs >= 0 ? { debounceMs } : {}),
      });
      // Serve until the client sends `exit` (the server library then ends the process).
      await new Promise<void>((resolve) => connection.onExit(resolve));
    });
}
