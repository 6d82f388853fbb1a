-- Explodes parsed webhook lines into staging tables of events, one per kind. It reads the temp view
-- parsed_lines(line_no, entry, raw, blank, has_other), made by the ingest from the file: `entry` is the line's entry
-- list parsed ONCE by DuckDB's json_transform (<webhook_entry.schema.json>; bare or wrapped bodies), NULL when the
-- line is not JSON or has no entry list, and then `raw` keeps the line's text for the rejects. Unknown keys are
-- ignored; unknown statuses and change fields are kept. A line with any malformed event is rejected whole.
-- Variables: pii_key (VARCHAR), keep_pii (BOOLEAN). {{ENTRY}} is replaced by webhook_entry.schema.json.

CREATE OR REPLACE TEMP MACRO pesan_pseudo(value, prefix) AS
  CASE WHEN value IS NULL OR value = '' THEN NULL
       WHEN getvariable('keep_pii') THEN value
       ELSE prefix || left(sha256(getvariable('pii_key') || value), 24) END;

CREATE OR REPLACE TEMP VIEW parsed_changes AS
WITH entries AS (SELECT line_no, has_other, unnest(entry) AS e FROM parsed_lines WHERE entry IS NOT NULL)
SELECT line_no, has_other, e.id AS waba_id, try_cast(e.time AS BIGINT) AS entry_time, unnest(e.changes) AS c
FROM entries;

CREATE OR REPLACE TEMP TABLE staged_status AS
WITH s AS (
  SELECT line_no, c.value.metadata.phone_number_id AS phone_number_id, unnest(c.value.statuses) AS s
  FROM parsed_changes WHERE c.field = 'messages' AND len(c.value.statuses) > 0
)
SELECT
  line_no,
  s.id AS wamid,
  lower(s.status) AS status,
  try_cast(s.timestamp AS BIGINT) AS ts,
  pesan_pseudo(s.recipient_id, 'p_') AS phone_h,
  pesan_pseudo(s.recipient_user_id, 'u_') AS user_h,
  s.biz_opaque_callback_data AS biz_opaque,
  lower(s.pricing.category) AS pricing_category,
  s.pricing.type AS pricing_type,
  s.pricing.pricing_model AS pricing_model,
  try_cast(s.errors[1].code AS INTEGER) AS error_code,
  s.errors[1].title AS error_title,
  phone_number_id,
  CASE WHEN s.id IS NULL OR s.status IS NULL OR try_cast(s.timestamp AS BIGINT) IS NULL THEN to_json(s)::VARCHAR END AS bad
FROM s;

-- Everything but statuses is a small share of the lines: materialise those changes once.
CREATE OR REPLACE TEMP TABLE other_changes AS
SELECT line_no, waba_id, entry_time, c FROM parsed_changes
WHERE has_other AND (c.field IS DISTINCT FROM 'messages' OR len(c.value.messages) > 0);

CREATE OR REPLACE TEMP TABLE staged_inbound AS
WITH m AS (
  SELECT line_no, c.value.contacts AS contacts, unnest(c.value.messages) AS m
  FROM other_changes WHERE c.field = 'messages'
)
SELECT
  line_no,
  m.id AS in_wamid,
  try_cast(m.timestamp AS BIGINT) AS ts,
  lower(m.type) AS type,
  pesan_pseudo(m."from", 'p_') AS phone_h,
  pesan_pseudo(coalesce(
    m.from_user_id,
    list_filter(contacts, x -> x.wa_id = m."from")[1].user_id,
    CASE WHEN len(contacts) = 1 THEN contacts[1].user_id END), 'u_') AS user_h,
  m.context.id AS context_wamid,
  m.button.payload AS button_payload,
  m.button.text AS button_text,
  m.interactive.type AS interactive_type,
  coalesce(m.interactive.button_reply.id, m.interactive.list_reply.id) AS reply_id,
  coalesce(m.interactive.button_reply.title, m.interactive.list_reply.title) AS reply_title,
  m.reaction.emoji AS reaction_emoji,
  m.text.body AS text_body,
  CASE WHEN m.id IS NULL OR m.type IS NULL OR try_cast(m.timestamp AS BIGINT) IS NULL
    THEN to_json({'id': m.id, 'type': m.type, 'timestamp': m.timestamp})::VARCHAR END AS bad
FROM m;

CREATE OR REPLACE TEMP TABLE staged_preferences AS
WITH p AS (
  SELECT line_no, c.value.contacts AS contacts, unnest(c.value.user_preferences) AS p
  FROM other_changes WHERE c.field = 'user_preferences'
)
SELECT
  line_no,
  pesan_pseudo(p.wa_id, 'p_') AS phone_h,
  pesan_pseudo(coalesce(p.user_id, list_filter(contacts, x -> x.wa_id = p.wa_id)[1].user_id,
    CASE WHEN len(contacts) = 1 THEN contacts[1].user_id END), 'u_') AS user_h,
  lower(p.value) AS value,
  p.category,
  try_cast(p.timestamp AS BIGINT) AS ts,
  CASE WHEN p.value IS NULL OR try_cast(p.timestamp AS BIGINT) IS NULL OR (p.wa_id IS NULL AND p.user_id IS NULL)
    THEN to_json({'value': p.value, 'timestamp': p.timestamp})::VARCHAR END AS bad
FROM p;

CREATE OR REPLACE TEMP TABLE staged_template_events AS
SELECT
  line_no,
  c.value.message_template_id AS template_id,
  c.value.message_template_name AS name,
  c.value.message_template_language AS language,
  c.field,
  upper(c.value.event) AS event,
  c.value.reason,
  upper(c.value.message_template_category) AS category,
  upper(c.value.previous_category) AS previous_category,
  upper(c.value.new_category) AS new_category,
  upper(c.value.previous_quality_score) AS previous_quality,
  upper(c.value.new_quality_score) AS new_quality,
  c.value.other_info.title AS other_title,
  entry_time AS ts,
  CASE WHEN c.value.message_template_id IS NULL AND c.value.message_template_name IS NULL THEN c.field END AS bad
FROM other_changes
WHERE c.field IN ('message_template_status_update', 'template_category_update', 'message_template_quality_update');

CREATE OR REPLACE TEMP TABLE staged_other AS
SELECT line_no, c.field, waba_id
FROM other_changes
WHERE c.field IS NULL OR c.field NOT IN ('messages', 'user_preferences', 'message_template_status_update',
  'template_category_update', 'message_template_quality_update');

-- Why each rejected line was rejected (the first reason that applies), with the text to keep.
CREATE OR REPLACE TEMP TABLE staged_rejects AS
SELECT line_no, reason, raw FROM (
  SELECT line_no, CASE WHEN json_valid(raw) THEN 'not a webhook body: no "entry" list (expected {"object":"whatsapp_business_account","entry":[...]})'
    ELSE 'invalid JSON' END AS reason, raw
  FROM parsed_lines WHERE raw IS NOT NULL AND NOT blank
  UNION ALL SELECT line_no, 'status without id, status or a numeric timestamp', bad FROM staged_status WHERE bad IS NOT NULL
  UNION ALL SELECT line_no, 'inbound message without id, type or a numeric timestamp', bad FROM staged_inbound WHERE bad IS NOT NULL
  UNION ALL SELECT line_no, 'user_preferences without value, user or a numeric timestamp', bad FROM staged_preferences WHERE bad IS NOT NULL
  UNION ALL SELECT line_no, 'template webhook without template id or name', bad FROM staged_template_events WHERE bad IS NOT NULL
)
QUALIFY row_number() OVER (PARTITION BY line_no ORDER BY reason) = 1;
