-- Validates send-log rows (temp table send_rows: line_no and the columns as text) into staged_send, with the
-- reason of each rejected row (send_log_commit.sql then adds the new rows). sent_at: ISO 8601 (with or without a
-- zone; none means UTC) or Unix seconds (milliseconds are recognised by their size). Variables: pii_key, keep_pii.
CREATE OR REPLACE TEMP MACRO pesan_pseudo(value, prefix) AS
  CASE WHEN value IS NULL OR value = '' THEN NULL
       WHEN getvariable('keep_pii') THEN value
       ELSE prefix || left(sha256(getvariable('pii_key') || value), 24) END;

CREATE OR REPLACE TEMP TABLE staged_send AS
WITH cleaned AS (
  SELECT line_no,
    nullif(trim(wamid), '') AS wamid,
    nullif(trim(sent_at), '') AS sent_at,
    nullif(trim(template_name), '') AS template_name,
    nullif(trim(template_language), '') AS template_language,
    nullif(translate(recipient, ' +()-', ''), '') AS recipient,
    nullif(trim(recipient_user_id), '') AS recipient_user_id,
    nullif(trim(template_id), '') AS template_id,
    nullif(upper(trim(category)), '') AS category,
    nullif(biz_opaque_callback_data, '') AS biz_opaque
  FROM send_rows
),
timed AS (
  SELECT *,
    CASE
      WHEN regexp_full_match(sent_at, '\d+(\.\d+)?') THEN
        CASE WHEN sent_at::DOUBLE > 100000000000 THEN floor(sent_at::DOUBLE / 1000) ELSE floor(sent_at::DOUBLE) END::BIGINT
      -- the common form first (fast), then anything DuckDB reads as a timestamp with or without a zone
      ELSE coalesce(epoch(try_strptime(sent_at, '%Y-%m-%dT%H:%M:%SZ'))::BIGINT, epoch(try_cast(sent_at AS TIMESTAMPTZ))::BIGINT)
    END AS sent_ts
  FROM cleaned
)
SELECT line_no, wamid, sent_ts, template_name, template_language,
  pesan_pseudo(recipient, 'p_') AS phone_h, pesan_pseudo(recipient_user_id, 'u_') AS user_h,
  template_id, category, biz_opaque,
  CASE
    WHEN wamid IS NULL THEN 'send-log row without wamid'
    WHEN sent_at IS NULL THEN 'send-log row without sent_at'
    WHEN sent_ts IS NULL THEN 'send-log sent_at is neither ISO 8601 nor Unix seconds'
    WHEN template_name IS NULL THEN 'send-log row without template_name'
    WHEN template_language IS NULL THEN 'send-log row without template_language'
  END AS reason
FROM timed;

CREATE OR REPLACE TEMP TABLE staged_rejects AS SELECT line_no, reason FROM staged_send WHERE reason IS NOT NULL;
