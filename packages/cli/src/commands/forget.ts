import type { Command } from 'commander';

/** `pesan forget <phone>`: a thin shell over @pesan/analytics `forgetCustomer`. */
export function registerForget(program: Command): void {
  program
    .command('forget')
    .description("Erase one customer's rows from the analytics database (right to erasure).")
    .argument('<phone>', 'the phone number, international format (e.g. +62 812 3456 7890)')
    .option('--db <file>', 'DuckDB database file', 'pesan.duckdb')
    .action(async (phone: string, flags: { db: string }) => {
      const { forgetCustomer } = await import('@pesan/analytics');
      const result = await forgetCustomer({ db: flags.db, phone });
      const total = Object.values(result.removed).reduce((a, b) => a + b, 0);
      const detail = Object.entries(result.removed).map(([table, n]) => `${table} ${n}`).join(', ');
      process.stdout.write(`pesan forget: removed ${total} rows (${detail}); derived tables rebuilt.\n`);
    });
}
