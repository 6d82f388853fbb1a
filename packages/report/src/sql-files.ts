import { fileURLToPath } from 'node:url';
import { sqlReader } from '@pesan/analytics';

/**
 * The report's own named SQL files: sql/cube/*.sql build its working set from the analytics tables (see cube.ts),
 * sql/query/*.sql read it for one selection. They are files, not strings in code, so that a number in the report can
 * be reproduced by hand in the DuckDB CLI.
 */
export const REPORT_SQL_DIR = fileURLToPath(new URL('../sql/', import.meta.url));

export const reportSql = sqlReader(REPORT_SQL_DIR);
