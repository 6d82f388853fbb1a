import type { AnalyticsDatabase } from '../database.js';

/** Longer texts cannot be a whole opt-out keyword ("unsubscribe from promos" is the longest kind of phrase). */
const MAX_KEYWORD_TEXT = 80;

/**
 * Marks the staged inbound messages that are opt-outs, with the linter's own opt-out lexicons
 * (rules/lexicons/<lang>/opt-out-keywords.yaml, every language): a text that as a whole IS a keyword after
 * trimming whitespace, punctuation and emoji and folding case and accents ("STOP", " baja 🙏", "Sair."), or a
 * button / interactive reply whose label or payload is one ("Stop promotions", "Parar promoções").
 * Only the distinct short strings cross from DuckDB to JavaScript; the result is the temp table
 * `staged_inbound_classified` (staged_inbound plus `optout_keyword`, the normalised keyword or NULL).
 */
export async function classifyOptOuts(db: AnalyticsDatabase): Promise<void> {
  // Loaded here, not at the top: `pesan stats` and the report import this package and never need the lexicons.
  const { isOptOutKeyword, normalizeKeyword } = await import('@pesan/rules/lexicon');
  const candidates = await db.all<{ value: string }>(`
    SELECT DISTINCT value FROM (
      SELECT text_body AS value FROM staged_inbound WHERE type = 'text'
      UNION ALL SELECT button_text FROM staged_inbound WHERE type = 'button'
      UNION ALL SELECT button_payload FROM staged_inbound WHERE type = 'button'
      UNION ALL SELECT reply_title FROM staged_inbound WHERE type = 'interactive'
    ) WHERE value IS NOT NULL AND length(value) <= ${MAX_KEYWORD_TEXT}`);
  const keywords = candidates.filter((c) => isOptOutKeyword(c.value)).map((c) => [c.value, normalizeKeyword(c.value)] as const);
  await db.run('CREATE OR REPLACE TEMP TABLE optout_strings (value VARCHAR, keyword VARCHAR)');
  if (keywords.length) {
    const appender = await db.connection.createAppender('optout_strings', 'main', 'temp');
    for (const [value, keyword] of keywords) {
      appender.appendVarchar(value);
      appender.appendVarchar(keyword);
      appender.endRow();
    }
    appender.flushSync();
    appender.closeSync();
  }
  await db.run(`
    CREATE OR REPLACE TEMP TABLE staged_inbound_classified AS
    SELECT i.*,
      CASE i.type
        WHEN 'text' THEN (SELECT o.keyword FROM optout_strings o WHERE o.value = i.text_body)
        WHEN 'button' THEN coalesce((SELECT o.keyword FROM optout_strings o WHERE o.value = i.button_text),
                                    (SELECT o.keyword FROM optout_strings o WHERE o.value = i.button_payload))
        WHEN 'interactive' THEN (SELECT o.keyword FROM optout_strings o WHERE o.value = i.reply_title)
      END AS optout_keyword
    FROM staged_inbound i;`);
}
