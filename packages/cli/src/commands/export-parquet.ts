import type { Command } from 'commander';

/** `pesan export-parquet`: a thin shell over @pesan/analytics `exportParquet`. */
export function registerExportParquet(program: Command): void {
  program
    .command('export-parquet')
    .description('Write the normalised tables as Parquet partitioned by day (hive style), for DuckDB over object storage, Spark or Trino.')
    .requiredOption('--out <dir>', 'output folder')
    .option('--db <file>', 'DuckDB database file', 'pesan.duckdb')
    .action(async (flags: { out: string; db: string }) => {
      const { exportParquet } = await import('@pesan/analytics');
      const written = await exportParquet({ db: flags.db, out: flags.out });
      for (const w of written) process.stdout.write(`${w.dir}  ${w.rows} rows\n`);
    });
}
