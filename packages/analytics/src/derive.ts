import type { AnalyticsDatabase } from './database.js';
import { sqlFile, splitStatements } from './sql-files.js';

export interface DeriveSettings {
  /** Key of the template name in `k=v;k=v` biz_opaque_callback_data (default `tpl`). */
  callbackTemplateKey: string;
  /** Key of the language code (default `lang`). */
  callbackLanguageKey: string;
  /** How long after delivery an opt-out is attributed to a message, in hours (default 168 = 7 days). */
  optOutWindowHours: number;
}

export const DEFAULT_DERIVE_SETTINGS: DeriveSettings = { callbackTemplateKey: 'tpl', callbackLanguageKey: 'lang', optOutWindowHours: 168 };

export interface DerivedCounts {
  messages: number;
  unattributedMessages: number;
  optOutEvents: number;
  unattributedOptOuts: number;
}

/**
 * Rebuilds the per-message state and the opt-out attribution from the event tables (sql/derive/messages.sql), in
 * one transaction, when events changed since the last rebuild or the settings differ. Reports aggregate this
 * table instead of re-deriving every message's state on each query.
 */
export async function deriveTables(db: AnalyticsDatabase, settings: Partial<DeriveSettings>, options: { force: boolean }): Promise<DerivedCounts> {
  const given = definedOnly({
    callbackTemplateKey: settings.callbackTemplateKey,
    callbackLanguageKey: settings.callbackLanguageKey,
    optOutWindowHours: settings.optOutWindowHours,
  });
  const merged: DeriveSettings = { ...DEFAULT_DERIVE_SETTINGS, ...given };
  const fingerprint = JSON.stringify(merged);
  const state = new Map((await db.all<{ key: string; value: string }>('SELECT key, value FROM state')).map((r) => [r.key, r.value]));
  if (options.force || state.get('derived_dirty') !== 'false' || state.get('derive_settings') !== fingerprint) {
    await db.setVariables({
      callback_template_key: escapeRegex(merged.callbackTemplateKey),
      callback_language_key: escapeRegex(merged.callbackLanguageKey),
      optout_window_seconds: Math.round(merged.optOutWindowHours * 3600),
    });
    await db.transaction(async () => {
      for (const statement of splitStatements(sqlFile('derive/messages.sql'))) await db.run(statement);
      await db.run(`INSERT OR REPLACE INTO state VALUES ('derived_dirty', 'false'), ('derive_settings', $1)`, [fingerprint]);
    });
  }
  const counts = await db.all<{ messages: number; unattributed: number; optouts: number; unattributed_optouts: number }>(`
    SELECT (SELECT count(*) FROM messages)::BIGINT AS messages,
           (SELECT count(*) FROM messages WHERE template IS NULL)::BIGINT AS unattributed,
           (SELECT count(*) FROM optout_events)::BIGINT AS optouts,
           (SELECT count(*) FROM optout_events WHERE wamid IS NULL)::BIGINT AS unattributed_optouts`);
  const row = counts[0];
  return {
    messages: Number(row?.messages ?? 0),
    unattributedMessages: Number(row?.unattributed ?? 0),
    optOutEvents: Number(row?.optouts ?? 0),
    unattributedOptOuts: Number(row?.unattributed_optouts ?? 0),
  };
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
