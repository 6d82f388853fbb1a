-- Moves the staged events of accepted lines into the event tables, skipping events already there (a re-sent
-- POST body, an overlapping export, the same file ingested twice). Statement order matters: each INSERT's
-- changed-row count is read by the ingest as "new events" for its table. Variable: file_id.
CREATE OR REPLACE TEMP TABLE accepted_lines AS
SELECT line_no FROM parsed WHERE ok AND line_no NOT IN (SELECT line_no FROM staged_rejects);

-- status_events: one row per (wamid, status, ts)
INSERT INTO status_events
SELECT s.wamid, s.status, s.ts, s.phone_h, s.user_h, s.biz_opaque, s.pricing_category, s.pricing_type, s.pricing_model,
       s.error_code, s.error_title, s.phone_number_id, getvariable('file_id'), s.line_no
FROM (
  SELECT * FROM staged_status WHERE line_no IN (SELECT line_no FROM accepted_lines)
  QUALIFY row_number() OVER (PARTITION BY wamid, status, ts ORDER BY line_no) = 1
) s
ANTI JOIN status_events e ON e.wamid = s.wamid AND e.status = s.status AND e.ts = s.ts;

-- inbound_messages: one row per inbound wamid
INSERT INTO inbound_messages
SELECT s.in_wamid, s.ts, s.type, s.phone_h, s.user_h, s.context_wamid, s.button_payload, s.button_text,
       s.interactive_type, s.reply_id, s.reply_title, s.reaction_emoji, s.optout_keyword,
       CASE WHEN getvariable('keep_text') THEN s.text_body END, getvariable('file_id'), s.line_no
FROM (
  SELECT * FROM staged_inbound_classified WHERE line_no IN (SELECT line_no FROM accepted_lines)
  QUALIFY row_number() OVER (PARTITION BY in_wamid ORDER BY line_no) = 1
) s
ANTI JOIN inbound_messages e ON e.in_wamid = s.in_wamid;

-- user_preferences: one row per (person, value, ts)
INSERT INTO user_preferences
SELECT s.phone_h, s.user_h, s.value, s.category, s.ts, getvariable('file_id'), s.line_no
FROM (
  SELECT * FROM staged_preferences WHERE line_no IN (SELECT line_no FROM accepted_lines)
  QUALIFY row_number() OVER (PARTITION BY phone_h, user_h, value, ts ORDER BY line_no) = 1
) s
ANTI JOIN user_preferences e
  ON e.phone_h IS NOT DISTINCT FROM s.phone_h AND e.user_h IS NOT DISTINCT FROM s.user_h AND e.value = s.value AND e.ts = s.ts;

-- template_events: one row per (template, field, event, categories, qualities, ts)
INSERT INTO template_events
SELECT s.template_id, s.name, s.language, s.field, s.event, s.reason, s.category, s.previous_category, s.new_category,
       s.previous_quality, s.new_quality, s.other_title, s.ts, getvariable('file_id'), s.line_no
FROM (
  SELECT * FROM staged_template_events WHERE line_no IN (SELECT line_no FROM accepted_lines)
  QUALIFY row_number() OVER (PARTITION BY template_id, name, language, field, event, new_category, new_quality, ts ORDER BY line_no) = 1
) s
ANTI JOIN template_events e
  ON e.template_id IS NOT DISTINCT FROM s.template_id AND e.name IS NOT DISTINCT FROM s.name
 AND e.language IS NOT DISTINCT FROM s.language AND e.field = s.field AND e.event IS NOT DISTINCT FROM s.event
 AND e.new_category IS NOT DISTINCT FROM s.new_category AND e.new_quality IS NOT DISTINCT FROM s.new_quality
 AND e.ts IS NOT DISTINCT FROM s.ts;

-- other_events: located, not deduplicated (they are not used by any metric)
INSERT INTO other_events
SELECT field, waba_id, getvariable('file_id'), line_no FROM staged_other WHERE line_no IN (SELECT line_no FROM accepted_lines);
