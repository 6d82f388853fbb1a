-- Rebuilds the derived tables from the event tables (run by `pesan ingest` after the files are committed).
-- Variables (SET VARIABLE name = value before running it by hand in the DuckDB CLI):
--   callback_template_key  key of the template name in biz_opaque_callback_data `k=v;k=v` pairs (default 'tpl')
--   callback_language_key  key of the language code (default 'lang')
--   optout_window_seconds  how long after delivery an opt-out is attributed to a message (default 604800 = 7 x 24 h)

-- Who is who: a person appears as a phone number, a business-scoped user id (BSUID), or both. Every row that
-- names both links them; a person's key is their user id when one is known, else their phone number.
CREATE OR REPLACE TEMP TABLE user_links AS
SELECT phone_h, min(user_h) AS user_h
FROM (
  SELECT DISTINCT phone_h, user_h FROM send_log WHERE phone_h IS NOT NULL AND user_h IS NOT NULL
  UNION SELECT DISTINCT phone_h, user_h FROM status_events WHERE phone_h IS NOT NULL AND user_h IS NOT NULL
  UNION SELECT DISTINCT phone_h, user_h FROM inbound_messages WHERE phone_h IS NOT NULL AND user_h IS NOT NULL
  UNION SELECT DISTINCT phone_h, user_h FROM user_preferences WHERE phone_h IS NOT NULL AND user_h IS NOT NULL
)
GROUP BY phone_h;

-- The latest known category of each template (name, language): a completed category change wins, then the
-- template dictionary, then the category of template status webhooks, then the send log's latest send.
CREATE OR REPLACE TEMP TABLE template_categories AS
WITH candidates AS (
  SELECT name, language, new_category AS category, 4 AS source_rank, ts
  FROM template_events
  WHERE field = 'template_category_update' AND previous_category IS NOT NULL AND new_category IS NOT NULL
  UNION ALL
  SELECT name, language, upper(category), 3, file_id FROM template_dictionary WHERE category IS NOT NULL
  UNION ALL
  SELECT name, language, upper(category), 2, ts FROM template_events
  WHERE field = 'message_template_status_update' AND category IS NOT NULL
  UNION ALL
  SELECT template_name, template_language, upper(category), 1, sent_ts FROM send_log WHERE category IS NOT NULL
)
SELECT name, language, arg_max(category, source_rank * 10000000000 + coalesce(ts, 0)) AS category
FROM candidates
WHERE name IS NOT NULL AND language IS NOT NULL
GROUP BY name, language;

CREATE OR REPLACE TABLE messages AS
WITH status_summary AS (
  SELECT
    wamid,
    min(ts) FILTER (WHERE status = 'sent') AS sent_ts,
    min(ts) AS first_ts,
    bool_or(status IN ('sent', 'delivered', 'read')) AS has_sent,
    -- read implies delivered: Meta may skip the delivered webhook of a message that was read at once
    min(ts) FILTER (WHERE status IN ('delivered', 'read')) AS delivered_ts,
    min(ts) FILTER (WHERE status = 'read') AS read_ts,
    bool_or(status = 'failed') AS has_failed,
    -- the error of the earliest failed status (ties: the smaller code)
    arg_min(error_code, ts * 10000000 + coalesce(error_code, 0)) FILTER (WHERE status = 'failed') AS fail_code,
    arg_min(error_title, ts * 10000000 + coalesce(error_code, 0)) FILTER (WHERE status = 'failed') AS fail_title,
    min(biz_opaque) AS biz_opaque,
    -- every status of a message names the same recipient
    any_value(phone_h) AS phone_h,
    any_value(user_h) AS user_h
  FROM status_events
  GROUP BY wamid
),
callback AS (
  SELECT
    wamid,
    CASE
      WHEN json_valid(biz_opaque) AND left(ltrim(biz_opaque), 1) = '{'
        THEN json_extract_string(biz_opaque, '$.template')
      ELSE nullif(trim(regexp_extract(biz_opaque, '(?:^|;)\s*' || getvariable('callback_template_key') || '=([^;]*)', 1)), '')
    END AS template,
    CASE
      WHEN json_valid(biz_opaque) AND left(ltrim(biz_opaque), 1) = '{'
        THEN json_extract_string(biz_opaque, '$.language')
      ELSE nullif(trim(regexp_extract(biz_opaque, '(?:^|;)\s*' || getvariable('callback_language_key') || '=([^;]*)', 1)), '')
    END AS language
  FROM status_summary
  -- the send log wins: parse the callback data only of messages it does not have
  WHERE biz_opaque IS NOT NULL AND wamid NOT IN (SELECT wamid FROM send_log)
),
joined AS (
  SELECT
    coalesce(l.wamid, s.wamid) AS wamid,
    CASE WHEN l.wamid IS NOT NULL THEN l.template_name
         WHEN c.template IS NOT NULL AND c.language IS NOT NULL THEN c.template END AS template,
    CASE WHEN l.wamid IS NOT NULL THEN l.template_language
         WHEN c.template IS NOT NULL AND c.language IS NOT NULL THEN c.language END AS language,
    CASE WHEN l.wamid IS NOT NULL THEN 'send_log'
         WHEN c.template IS NOT NULL AND c.language IS NOT NULL THEN 'callback' END AS joined_by,
    coalesce(l.user_h, s.user_h, ul.user_h, l.phone_h, s.phone_h) AS user_key,
    -- cohort: the first `sent` status, else the send log's sent_at, else the first status of any kind
    coalesce(s.sent_ts, l.sent_ts, s.first_ts) AS cohort_ts,
    coalesce(s.has_sent, false) AS has_sent,
    s.delivered_ts,
    s.read_ts,
    -- delivered or read outranks failed (multi-device users can get delivered after failed)
    coalesce(s.has_failed, false) AND s.delivered_ts IS NULL AS failed,
    CASE WHEN s.delivered_ts IS NULL THEN s.fail_code END AS fail_code,
    CASE WHEN s.delivered_ts IS NULL THEN s.fail_title END AS fail_title
  FROM send_log l
  FULL OUTER JOIN status_summary s ON s.wamid = l.wamid
  LEFT JOIN callback c ON c.wamid = s.wamid
  LEFT JOIN user_links ul ON ul.phone_h = coalesce(l.phone_h, s.phone_h)
),
clicks AS (
  -- quick-reply taps: inbound `button` messages and interactive button/list replies, opt-out taps excluded
  SELECT DISTINCT context_wamid AS wamid FROM inbound_messages
  WHERE context_wamid IS NOT NULL AND optout_keyword IS NULL
    AND (type = 'button' OR (type = 'interactive' AND interactive_type IN ('button_reply', 'list_reply')))
),
replies AS (
  -- replies: any inbound message in context but reactions, request_welcome, unsupported and opt-outs
  SELECT DISTINCT context_wamid AS wamid FROM inbound_messages
  WHERE context_wamid IS NOT NULL AND optout_keyword IS NULL
    AND type NOT IN ('reaction', 'request_welcome', 'unsupported')
)
SELECT
  j.wamid, j.template, j.language, tc.category, j.joined_by, j.user_key, j.cohort_ts, j.has_sent,
  j.delivered_ts, j.read_ts, j.failed, j.fail_code, j.fail_title,
  ck.wamid IS NOT NULL AND j.delivered_ts IS NOT NULL AS clicked,
  rp.wamid IS NOT NULL AND j.delivered_ts IS NOT NULL AS replied,
  false AS opted_out
FROM joined j
LEFT JOIN template_categories tc ON tc.name = j.template AND tc.language = j.language
LEFT JOIN clicks ck ON ck.wamid = j.wamid
LEFT JOIN replies rp ON rp.wamid = j.wamid;

-- Opt-out events (three independent signals) and their attribution: each event goes to the last template
-- message delivered to that person at or before it, at most optout_window_seconds before it (ties on delivery
-- time: the later cohort time, then the greater wamid), whatever the template's category.
CREATE OR REPLACE TABLE optout_events AS
WITH events AS (
  SELECT DISTINCT coalesce(p.user_h, ul.user_h, p.phone_h) AS user_key, p.ts, 'user_preferences' AS kind, NULL::VARCHAR AS keyword
  FROM user_preferences p LEFT JOIN user_links ul ON ul.phone_h = p.phone_h
  WHERE lower(p.value) = 'stop'
  UNION ALL
  SELECT coalesce(i.user_h, ul.user_h, i.phone_h), i.ts, CASE WHEN i.type = 'text' THEN 'keyword' ELSE 'button' END, i.optout_keyword
  FROM inbound_messages i LEFT JOIN user_links ul ON ul.phone_h = i.phone_h
  WHERE i.optout_keyword IS NOT NULL
),
delivered AS (
  SELECT user_key, delivered_ts, wamid FROM messages
  WHERE template IS NOT NULL AND delivered_ts IS NOT NULL AND user_key IS NOT NULL
  QUALIFY row_number() OVER (PARTITION BY user_key, delivered_ts ORDER BY cohort_ts DESC, wamid DESC) = 1
)
SELECT e.user_key, e.ts, e.kind, e.keyword,
  CASE WHEN e.ts - d.delivered_ts <= getvariable('optout_window_seconds') THEN d.wamid END AS wamid
FROM events e
ASOF LEFT JOIN delivered d ON d.user_key = e.user_key AND e.ts >= d.delivered_ts
WHERE e.user_key IS NOT NULL;

-- Each message knows whether an opt-out was attributed to it (reports count distinct people over these).
UPDATE messages SET opted_out = true WHERE wamid IN (SELECT wamid FROM optout_events WHERE wamid IS NOT NULL);

DROP TABLE user_links;
DROP TABLE template_categories;
