import { createHash } from 'node:crypto';
import { AnalyticsDatabase, DEFAULT_LOCK_TIMEOUT_MS } from './database.js';
import { deriveTables } from './derive.js';
import { AnalyticsError } from './errors.js';
import { loadPseudonymKey } from './pseudonym-key.js';
import { sqlFile, splitStatements } from './sql-files.js';

export interface ForgetResult {
  phone: string;
  /** Rows removed per table. */
  removed: Record<string, number>;
}

/**
 * `pesan forget <phone>`: erases one customer's rows (right to erasure), then rebuilds the derived tables and
 * checkpoints so the rows are gone from the database file, not only marked deleted.
 */
export async function forgetCustomer(options: { db: string; phone: string; lockTimeoutMs?: number }): Promise<ForgetResult> {
  const phone = options.phone.replace(/[\s+()-]/g, '');
  if (!/^\d{6,20}$/.test(phone)) throw new AnalyticsError(`${options.phone}: expected a phone number in international format (digits, optionally with +, spaces or dashes).`);
  const db = await AnalyticsDatabase.open({ path: options.db, lockTimeoutMs: options.lockTimeoutMs ?? DEFAULT_LOCK_TIMEOUT_MS });
  try {
    const pii = (await db.all<{ value: string }>(`SELECT value FROM state WHERE key = 'pii'`))[0]?.value ?? 'hashed';
    // The same keyed hash as ingest (sql/ingest/webhooks.sql pesan_pseudo): 'p_' + first 24 hex of sha256(key || phone).
    const stored = pii === 'kept' ? phone : `p_${createHash('sha256').update(loadPseudonymKey(options.db, { create: false }) + phone).digest('hex').slice(0, 24)}`;
    await db.setVariables({ forget_phone_h: stored });
    const tables = ['', '', 'status_events', 'send_log', 'inbound_messages', 'user_preferences'];
    const removed: Record<string, number> = {};
    await db.transaction(async () => {
      for (const [index, statement] of splitStatements(sqlFile('forget.sql')).entries()) {
        const changed = await db.run(statement);
        const table = tables[index];
        if (table) removed[table] = changed;
      }
      await db.run(`INSERT OR REPLACE INTO state VALUES ('derived_dirty', 'true')`);
    });
    await deriveTables(db, {}, { force: true });
    await db.run('CHECKPOINT');
    return { phone: options.phone, removed };
  } finally {
    db.close();
  }
}
