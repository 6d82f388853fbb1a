import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { exportParquet, ingestFiles, queryStats, statsVariables } from '../src/index.js';
import { sqlFile, sqlFolder } from '../src/sql-files.js';
import { sqlLiteral } from '../src/database.js';
import { inbound, preference, statuses, T0, tempDir, write } from './helpers.js';

const docs = readFileSync(new URL('../../../docs/analytics.md', import.meta.url), 'utf8');

describe('the Parquet export (docs/analytics.md "Scale")', () => {
  it('gives the same stats when the documented views and the metric files run over the exported files', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'p.duckdb');
    const lines: string[] = [];
    for (let i = 0; i < 40; i++) {
      const phone = `62815000000${String(i).padStart(2, '0')}`;
      const tpl = `tpl=${i % 3 ? 'order_shipped' : 'promo'};lang=${i % 2 ? 'en_US' : 'id'}`;
      lines.push(statuses({ wamid: `wamid.q${i}`, status: 'sent', ts: T0 + i * 7000, phone, callback: tpl }));
      if (i % 4) lines.push(statuses({ wamid: `wamid.q${i}`, status: 'read', ts: T0 + i * 7000 + 90 + i, phone, callback: tpl }));
      if (i % 5 === 0) lines.push(inbound({ id: `wamid.r${i}`, ts: T0 + i * 7000 + 500, phone, context: `wamid.q${i}`, button: 'Track order' }));
      if (i % 9 === 0) lines.push(preference(phone, 'stop', T0 + i * 7000 + 900));
    }
    await ingestFiles({ db, files: [write(dir, 'w.ndjson', lines.join('\n'))] });
    const expected = await queryStats(db, { by: ['template', 'day'] });
    const out = path.join(dir, 'parquet');
    await exportParquet({ db, out });

    const block = /CREATE VIEW messages[\s\S]*?(?=\n```)/.exec(docs)?.[0];
    expect(block).toBeDefined();
    const instance = await DuckDBInstance.create(':memory:');
    const c = await instance.connect();
    await c.run(block!.replaceAll("'DIR/", `'${out}/`));
    const variables = statsVariables({ by: ['template', 'day'] });
    await c.run(Object.entries(variables).map(([k, v]) => `SET VARIABLE ${k} = ${sqlLiteral(v)};`).join('\n'));
    for (const file of sqlFolder('metrics')) if (file.name !== 'stats.sql' && file.name !== 'failures.sql') await c.run(file.text);
    const reader = await c.runAndReadAll(sqlFile('metrics/stats.sql'));
    const got = reader.getRowObjectsJS();
    c.closeSync();
    instance.closeSync();
    expect(got.length).toBe(expected.length);
    expect(got.map((r) => [r.template, r.language, r.day, Number(r.attempted), Number(r.read), Number(r.clicked), Number(r.opted_out), r.ttr_p50_seconds === null ? null : Number(r.ttr_p50_seconds)]))
      .toEqual(expected.map((r) => [r.template, r.language, r.day, r.attempted, r.read, r.clicked, r.optedOut, r.ttrP50Seconds]));
    expect(expected.reduce((a, r) => a + r.optedOut, 0)).toBeGreaterThan(0);
  });
});
