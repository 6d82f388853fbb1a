-- Report cube, step 2: template messages counted per template, send day and send hour (in the report time zone),
-- in one pass over the messages. The unit and the counts are those of @pesan/analytics (sql/metrics/00_scope.sql:
-- one wamid with a template, cohorted by its send time; funnel.sql and engagement.sql: the FILTER conditions below).
-- The report sums these rows for any period and filter instead of rescanning every message. Keep both in step: the
-- report's tests compare every number with `pesan stats` on the same data, in UTC, in a zone with a daylight-saving
-- switch and in one with a half-hour offset.
CREATE OR REPLACE TEMP TABLE report_cube_named AS
SELECT
  m.template, m.language, m.category, qu.day, qu.weekday, qu.hour,
  count(*)::BIGINT AS attempted,
  count(*) FILTER (WHERE m.has_sent)::BIGINT AS sent,
  count(*) FILTER (WHERE m.delivered_ts IS NOT NULL)::BIGINT AS delivered,
  count(*) FILTER (WHERE m.read_ts IS NOT NULL)::BIGINT AS "read",
  count(*) FILTER (WHERE m.failed)::BIGINT AS failed,
  count(*) FILTER (WHERE m.clicked)::BIGINT AS clicked,
  count(*) FILTER (WHERE m.replied)::BIGINT AS replied
FROM messages m
JOIN report_quarters qu ON qu.q = m.cohort_ts // getvariable('report_grain')
WHERE m.template IS NOT NULL
GROUP BY ALL;

-- One small integer per template (name x language) and its category (the latest known one, the same for every
-- message of the template: sql/derive/messages.sql). The other tables carry the integer; names are compared once,
-- here, when a filter is applied.
CREATE OR REPLACE TEMP TABLE report_templates AS
SELECT row_number() OVER (ORDER BY template, language)::INTEGER AS tid, template, language, any_value(category) AS category
FROM report_cube_named
GROUP BY template, language;

CREATE OR REPLACE TEMP TABLE report_cube AS
SELECT t.tid, c.day, c.weekday, c.hour, c.attempted, c.sent, c.delivered, c."read", c.failed, c.clicked, c.replied
FROM report_cube_named c
JOIN report_templates t ON t.template = c.template AND t.language = c.language;

DROP TABLE report_cube_named;
