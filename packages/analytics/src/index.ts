/** @pesan/analytics: WhatsApp webhook exports, send logs and template_analytics in DuckDB; per-template metrics. */
export { AnalyticsDatabase, DEFAULT_DB_PATH, DEFAULT_LOCK_TIMEOUT_MS, SCHEMA_VERSION } from './database.js';
export { AnalyticsError } from './errors.js';
export { ingestFiles, expandIngestInputs, detectFile, type IngestOptions, type IngestSummary, type FileSummary, type FileKind } from './ingest/index.js';
export { deriveTables, DEFAULT_DERIVE_SETTINGS, type DeriveSettings } from './derive.js';
export {
  queryStats,
  statsOn,
  failuresOn,
  statsVariables,
  createMetricViews,
  assertDerived,
  GROUP_BY,
  type StatsQuery,
  type StatsRow,
  type FailureRow,
  type GroupBy,
} from './stats.js';
export { KEY_ENV, keyFilePath } from './pseudonym-key.js';
export { SQL_DIR, sqlReader } from './sql-files.js';
export { forgetCustomer, type ForgetResult } from './forget.js';
export { exportParquet } from './export-parquet.js';
