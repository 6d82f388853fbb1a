-- The messages a report covers, with their group keys. Every metric file reads this view; the variables are
-- read when a query runs.
-- Unit: one outbound template message (one wamid), cohorted by its send time (the first `sent` status, else the
-- send log's sent_at), bucketed into days in the time zone `tz`. Messages that could not be joined to a template
-- (no send-log row, no usable biz_opaque_callback_data) are excluded here and reported as unattributed.
-- Variables (SET VARIABLE in the DuckDB CLI; `pesan stats` sets them from its flags):
--   tz                    IANA time zone for days, e.g. 'UTC', 'Asia/Jakarta'
--   from_day, to_day      inclusive 'YYYY-MM-DD' bounds in tz, or NULL
--   f_template, f_language, f_category   filters, or NULL
--   by_template, by_language, by_category, by_day   grouping switches (BOOLEAN); by_template implies language
CREATE OR REPLACE TEMP VIEW scoped_messages AS
WITH minutes AS (
  -- Converting every message's time to the zone is the costly part: convert each distinct minute once instead
  -- (exact: every zone's offset today is a whole number of minutes).
  SELECT minute, strftime(timezone(getvariable('tz')::VARCHAR, to_timestamp(minute * 60)), '%Y-%m-%d') AS day
  FROM (SELECT DISTINCT cohort_ts // 60 AS minute FROM messages WHERE template IS NOT NULL)
),
dated AS (
  SELECT m.*, d.day
  FROM messages m
  JOIN minutes d ON d.minute = m.cohort_ts // 60
  WHERE m.template IS NOT NULL
)
SELECT
  d.*,
  CASE WHEN getvariable('by_template') THEN d.template END AS g_template,
  CASE WHEN getvariable('by_template') OR getvariable('by_language') THEN d.language END AS g_language,
  CASE WHEN getvariable('by_template') OR getvariable('by_category') THEN d.category END AS g_category,
  CASE WHEN getvariable('by_day') THEN d.day END AS g_day
FROM dated d
WHERE (getvariable('from_day')::VARCHAR IS NULL OR d.day >= getvariable('from_day')::VARCHAR)
  AND (getvariable('to_day')::VARCHAR IS NULL OR d.day <= getvariable('to_day')::VARCHAR)
  AND (getvariable('f_template')::VARCHAR IS NULL OR d.template = getvariable('f_template')::VARCHAR)
  AND (getvariable('f_language')::VARCHAR IS NULL OR d.language = getvariable('f_language')::VARCHAR)
  AND (getvariable('f_category')::VARCHAR IS NULL OR d.category = upper(getvariable('f_category')::VARCHAR));
