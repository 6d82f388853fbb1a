#!/usr/bin/env node
// Baseline for the ingest benchmark: DuckDB's own NDJSON reader loading the file into a table as it is (schema
// auto-detection, nested structs, no explode, no validation, no line numbers, no dedupe).
// Usage: node test/bench/plain-duckdb-load.mjs <ndjson> <db>
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

// @duckdb/node-api is a dependency of the analytics package: resolve it from there.
const require = createRequire(new URL('../../packages/analytics/package.json', import.meta.url));
const { DuckDBInstance } = await import(pathToFileURL(require.resolve('@duckdb/node-api')).href);

const [file, dbPath] = process.argv.slice(2);
const instance = await DuckDBInstance.create(dbPath, { memory_limit: '1GB' });
const connection = await instance.connect();
const reader = await connection.runAndReadAll(`CREATE TABLE raw AS SELECT * FROM read_ndjson('${file.replace(/'/g, "''")}', sample_size = -1); SELECT count(*)::BIGINT AS n FROM raw`);
console.log(JSON.stringify({ rows: Number(reader.getRowObjectsJS()[0].n) }));
connection.closeSync();
instance.closeSync();
