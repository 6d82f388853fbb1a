-- Moves the staged events of accepted lines into the event tables, skipping events already there (a re-sent
-- POST body, an overlapping export, the same file ingested twice). Runs inside the file's transaction. Statement
-- order matters: each INSERT's changed-row count is read by the ingest as "new events" for its table.
-- Variables: file_id, keep_text.
CREATE OR REPLACE TEMP TABLE rejected_lines AS SELECT DISTINCT line_no FROM staged_rejects;

-- status_events: one row per (wamid, status, ts)
INSERT INTO status_events
SELECT s.wamid, s.status, s.ts, s.phone_h, s.user_h, s.biz_opaque, s.pricing_category, s.pricing_type, s.pricing_model,
       s.error_code, s.error_title, s.phone_number_id, getvariable('file_id'), s.line_no
FROM (
  -- duplicates of a status event are the same event: any copy's details will do; the first line is kept
  SELECT wamid, status, ts,
    any_value(phone_h) AS phone_h, any_value(user_h) AS user_h, any_value(biz_opaque) AS biz_opaque,
    any_value(pricing_category) AS pricing_category, any_value(pricing_type) AS pricing_type,
    any_value(pricing_model) AS pricing_model, any_value(error_code) AS error_code,
    any_value(error_title) AS error_title, any_value(phone_number_id) AS phone_number_id, min(line_no) AS line_no
  FROM staged_status
  WHERE bad IS NULL AND line_no NOT IN (SELECT line_no FROM rejected_lines)
  GROUP BY wamid, status, ts
) s
ANTI JOIN status_events e ON e.wamid = s.wamid AND e.status = s.status AND e.ts = s.ts;

-- inbound_messages: one row per inbound wamid
INSERT INTO inbound_messages
SELECT s.in_wamid, s.ts, s.type, s.phone_h, s.user_h, s.context_wamid, s.button_payload, s.button_text,
       s.interactive_type, s.reply_id, s.reply_title, s.reaction_emoji, s.optout_keyword,
       CASE WHEN getvariable('keep_text') THEN s.text_body END, getvariable('file_id'), s.line_no
FROM (
  SELECT * FROM staged_inbound_classified WHERE bad IS NULL AND line_no NOT IN (SELECT line_no FROM rejected_lines)
  QUALIFY row_number() OVER (PARTITION BY in_wamid ORDER BY line_no) = 1
) s
ANTI JOIN inbound_messages e ON e.in_wamid = s.in_wamid;

-- user_preferences: one row per (person, value, ts)
INSERT INTO user_preferences
SELECT s.phone_h, s.user_h, s.value, s.category, s.ts, getvariable('file_id'), s.line_no
FROM (
  SELECT * FROM staged_preferences WHERE bad IS NULL AND line_no NOT IN (SELECT line_no FROM rejected_lines)
  QUALIFY row_number() OVER (PARTITION BY phone_h, user_h, value, ts ORDER BY line_no) = 1
) s
ANTI JOIN user_preferences e
  ON e.phone_h IS NOT DISTINCT FROM s.phone_h AND e.user_h IS NOT DISTINCT FROM s.user_h AND e.value = s.value AND e.ts = s.ts;

-- template_events: one row per (template, field, event, categories, qualities, ts)
INSERT INTO template_events
SELECT s.template_id, s.name, s.language, s.field, s.event, s.reason, s.category, s.previous_category, s.new_category,
       s.previous_quality, s.new_quality, s.other_title, s.ts, getvariable('file_id'), s.line_no
FROM (
  SELECT * FROM staged_template_events WHERE bad IS NULL AND line_no NOT IN (SELECT line_no FROM rejected_lines)
  QUALIFY row_number() OVER (PARTITION BY template_id, name, language, field, event, new_category, new_quality, ts ORDER BY line_no) = 1
) s
ANTI JOIN template_events e
  ON e.template_id IS NOT DISTINCT FROM s.template_id AND e.name IS NOT DISTINCT FROM s.name
 AND e.language IS NOT DISTINCT FROM s.language AND e.field = s.field AND e.event IS NOT DISTINCT FROM s.event
 AND e.new_category IS NOT DISTINCT FROM s.new_category AND e.new_quality IS NOT DISTINCT FROM s.new_quality
 AND e.ts IS NOT DISTINCT FROM s.ts;

-- other_events: located, not parsed (no metric uses them); one row per (field, WABA, file path, line)
INSERT INTO other_events
SELECT s.field, s.waba_id, getvariable('file_id'), s.line_no
FROM staged_other s
WHERE s.line_no NOT IN (SELECT line_no FROM rejected_lines)
  AND NOT EXISTS (
    SELECT 1 FROM other_events o JOIN files f ON f.file_id = o.file_id
    WHERE o.field IS NOT DISTINCT FROM s.field AND o.line_no = s.line_no AND f.path = getvariable('file_path'));
