-- Explodes staged webhook lines (temp table staged_lines(line_no, line), filled by the line reader) into staging
-- tables of events, one per kind. JSON is parsed once per line, here, by DuckDB (json_transform); unknown keys
-- are ignored, unknown statuses and change fields are kept. A line with any malformed event is rejected whole.
-- Variables: pii_key (VARCHAR), keep_pii (BOOLEAN).

CREATE OR REPLACE TEMP MACRO pesan_pseudo(value, prefix) AS
  CASE WHEN value IS NULL OR value = '' THEN NULL
       WHEN getvariable('keep_pii') THEN value
       ELSE prefix || left(sha256(getvariable('pii_key') || value), 24) END;

CREATE OR REPLACE TEMP TABLE parsed AS
WITH typed AS (
  SELECT
    line_no,
    line,
    json_valid(line) AS ok
  FROM staged_lines
  WHERE line IS NOT NULL AND trim(line) <> ''
),
transformed AS (
  SELECT line_no, line, ok,
    CASE WHEN ok THEN json_transform(line, '{
      "object": "VARCHAR", "entry": "JSON", "body": {"object": "VARCHAR", "entry": "JSON"},
      "body_params": {"object": "VARCHAR", "entry": "JSON"}}') END AS j
  FROM typed
)
SELECT
  line_no, line, ok,
  -- bare Meta envelope, or wrapped {received_at, body} / request-logger {query_params, body_params}
  coalesce(j.entry, j.body.entry, j.body_params.entry) AS entry_json
FROM transformed;

CREATE OR REPLACE TEMP TABLE parsed_changes AS
WITH entries AS (
  SELECT line_no, unnest(json_transform(entry_json, '[{"id": "VARCHAR", "time": "VARCHAR", "changes": [{"field": "VARCHAR", "value": {
    "metadata": {"phone_number_id": "VARCHAR"},
    "contacts": [{"wa_id": "VARCHAR", "user_id": "VARCHAR"}],
    "statuses": [{"id": "VARCHAR", "status": "VARCHAR", "timestamp": "VARCHAR", "recipient_id": "VARCHAR",
                  "recipient_user_id": "VARCHAR", "biz_opaque_callback_data": "VARCHAR",
                  "pricing": {"category": "VARCHAR", "type": "VARCHAR", "pricing_model": "VARCHAR"},
                  "errors": [{"code": "VARCHAR", "title": "VARCHAR"}]}],
    "messages": [{"from": "VARCHAR", "from_user_id": "VARCHAR", "id": "VARCHAR", "timestamp": "VARCHAR", "type": "VARCHAR",
                  "context": {"id": "VARCHAR"}, "button": {"payload": "VARCHAR", "text": "VARCHAR"},
                  "interactive": {"type": "VARCHAR", "button_reply": {"id": "VARCHAR", "title": "VARCHAR"},
                                  "list_reply": {"id": "VARCHAR", "title": "VARCHAR"}},
                  "text": {"body": "VARCHAR"}, "reaction": {"message_id": "VARCHAR", "emoji": "VARCHAR"}}],
    "user_preferences": [{"wa_id": "VARCHAR", "user_id": "VARCHAR", "value": "VARCHAR", "category": "VARCHAR", "timestamp": "VARCHAR"}],
    "event": "VARCHAR", "message_template_id": "VARCHAR", "message_template_name": "VARCHAR",
    "message_template_language": "VARCHAR", "reason": "VARCHAR", "message_template_category": "VARCHAR",
    "other_info": {"title": "VARCHAR"}, "previous_category": "VARCHAR", "new_category": "VARCHAR",
    "previous_quality_score": "VARCHAR", "new_quality_score": "VARCHAR"}}]}]')) AS e
  FROM parsed
  WHERE ok AND json_type(entry_json) = 'ARRAY'
)
SELECT line_no, e.id AS waba_id, try_cast(e.time AS BIGINT) AS entry_time, unnest(e.changes) AS c
FROM entries;

CREATE OR REPLACE TEMP TABLE staged_status AS
WITH s AS (
  SELECT line_no, c.value.metadata.phone_number_id AS phone_number_id, unnest(c.value.statuses) AS s
  FROM parsed_changes WHERE c.field = 'messages'
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
  s.id IS NULL OR s.status IS NULL OR try_cast(s.timestamp AS BIGINT) IS NULL AS bad
FROM s;

CREATE OR REPLACE TEMP TABLE staged_inbound AS
WITH m AS (
  SELECT line_no, c.value.contacts AS contacts, unnest(c.value.messages) AS m
  FROM parsed_changes WHERE c.field = 'messages'
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
  m.id IS NULL OR m.type IS NULL OR try_cast(m.timestamp AS BIGINT) IS NULL AS bad
FROM m;

CREATE OR REPLACE TEMP TABLE staged_preferences AS
WITH p AS (
  SELECT line_no, c.value.contacts AS contacts, unnest(c.value.user_preferences) AS p
  FROM parsed_changes WHERE c.field = 'user_preferences'
)
SELECT
  line_no,
  pesan_pseudo(p.wa_id, 'p_') AS phone_h,
  pesan_pseudo(coalesce(p.user_id, list_filter(contacts, x -> x.wa_id = p.wa_id)[1].user_id,
    CASE WHEN len(contacts) = 1 THEN contacts[1].user_id END), 'u_') AS user_h,
  lower(p.value) AS value,
  p.category,
  try_cast(p.timestamp AS BIGINT) AS ts,
  p.value IS NULL OR try_cast(p.timestamp AS BIGINT) IS NULL OR (p.wa_id IS NULL AND p.user_id IS NULL) AS bad
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
  c.value.message_template_id IS NULL AND c.value.message_template_name IS NULL AS bad
FROM parsed_changes
WHERE c.field IN ('message_template_status_update', 'template_category_update', 'message_template_quality_update');

CREATE OR REPLACE TEMP TABLE staged_other AS
SELECT line_no, c.field, waba_id
FROM parsed_changes
WHERE c.field IS NULL OR c.field NOT IN ('messages', 'user_preferences', 'message_template_status_update',
  'template_category_update', 'message_template_quality_update');

-- Why each rejected line was rejected (the first reason that applies).
CREATE OR REPLACE TEMP TABLE staged_rejects AS
SELECT line_no, reason FROM (
  SELECT line_no, 'invalid JSON' AS reason FROM parsed WHERE NOT ok
  UNION ALL
  SELECT line_no, 'not a webhook body: no "entry" list (expected {"object":"whatsapp_business_account","entry":[...]})'
  FROM parsed WHERE ok AND (entry_json IS NULL OR json_type(entry_json) <> 'ARRAY')
  UNION ALL SELECT line_no, 'status without id, status or a numeric timestamp' FROM staged_status WHERE bad
  UNION ALL SELECT line_no, 'inbound message without id, type or a numeric timestamp' FROM staged_inbound WHERE bad
  UNION ALL SELECT line_no, 'user_preferences without value, user or a numeric timestamp' FROM staged_preferences WHERE bad
  UNION ALL SELECT line_no, 'template webhook without template id or name' FROM staged_template_events WHERE bad
)
QUALIFY row_number() OVER (PARTITION BY line_no ORDER BY reason) = 1;
