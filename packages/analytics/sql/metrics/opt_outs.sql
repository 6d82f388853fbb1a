-- Opt-outs per group (reads scoped_messages, see 00_scope.sql, and the derived optout_events table).
-- An opt-out event is a user_preferences `stop`, a tap on an opt-out button, or an inbound text that as a whole is
-- an opt-out keyword of any lexicon language (rules/lexicons/*/opt-out-keywords.yaml: STOP, BERHENTI, BAJA, SAIR
-- ...; never CANCEL). It is attributed to the last template message delivered to that person at or before it and
-- at most 7 days before it (sql/derive/messages.sql), whatever the category; a later `resume` does not undo it.
-- The derive marks each message that got an opt-out (messages.opted_out, from optout_events.wamid).
CREATE OR REPLACE TEMP VIEW metric_opt_outs AS
SELECT
  g_template, g_language, g_category, g_day,
  -- optedOut: distinct people with at least one opt-out attributed to a message of the group
  count(DISTINCT user_key) AS opted_out
FROM scoped_messages
WHERE opted_out
GROUP BY ALL;
