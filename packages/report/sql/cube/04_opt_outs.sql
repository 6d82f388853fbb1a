-- Report cube, step 4: opt-outs attributed to a template message (@pesan/analytics sql/metrics/opt_outs.sql), with
-- the person's key so that distinct people can be counted for any selection. The key is a keyed hash; the report
-- only counts it.
CREATE OR REPLACE TEMP TABLE report_optouts AS
-- The few attributed messages first (a semi-join, then a materialized set): joined with the whole messages table
-- and the lookups in one plan, this step took ten times longer.
WITH attributed AS MATERIALIZED (
  SELECT o.user_key, o.kind, o.keyword, m.template, m.language, m.cohort_ts
  FROM optout_events o
  JOIN (SELECT wamid, template, language, cohort_ts FROM messages
        WHERE template IS NOT NULL AND wamid IN (SELECT wamid FROM optout_events WHERE wamid IS NOT NULL)) m
    ON m.wamid = o.wamid
)
SELECT a.user_key, a.kind, a.keyword, t.tid, qu.day
FROM attributed a
JOIN report_quarters qu ON qu.q = a.cohort_ts // getvariable('report_grain')
JOIN report_templates t ON t.template = a.template AND t.language = a.language;
