-- Opt-outs per group (reads scoped_messages, see 00_scope.sql, and the derived optout_events table).
-- An opt-out event is a user_preferences `stop`, a tap on an opt-out button, or an inbound text that as a whole is
-- an opt-out keyword of any lexicon language (rules/lexicons/*/opt-out-keywords.yaml: STOP, BERHENTI, BAJA, SAIR
-- ...; never CANCEL). It is attributed to the last template message delivered to that person at or before it and
-- at most 7 days before it (sql/derive/messages.sql), whatever the category; a later `resume` does not undo it.
CREATE OR REPLACE TEMP VIEW metric_opt_outs AS
SELECT
  s.g_template, s.g_language, s.g_category, s.g_day,
  -- optedOut: distinct people with at least one opt-out attributed to a message of the group
  count(DISTINCT o.user_key) AS opted_out
FROM optout_events o
JOIN scoped_messages s ON s.wamid = o.wamid
GROUP BY ALL;
