-- Every count of the selection per template (name x language), as `pesan stats --by template`.
WITH counts AS (
  SELECT tid,
    sum(attempted)::BIGINT AS attempted, sum(sent)::BIGINT AS sent, sum(delivered)::BIGINT AS delivered,
    sum("read")::BIGINT AS "read", sum(failed)::BIGINT AS failed, sum(clicked)::BIGINT AS clicked,
    sum(replied)::BIGINT AS replied
  FROM report_scoped_cube
  GROUP BY tid
),
opt_outs AS (
  SELECT tid, count(DISTINCT user_key)::BIGINT AS opted_out FROM report_scoped_optouts GROUP BY tid
),
reads AS (
  SELECT tid, q[1] AS ttr_p50_seconds, q[2] AS ttr_p90_seconds
  FROM (SELECT tid, quantile_disc(seconds, [0.5, 0.9]) AS q FROM report_scoped_reads GROUP BY tid)
),
urls AS (
  SELECT template, language, category, sum(url_clicks)::BIGINT AS url_clicks, sum(url_clicks_unique)::BIGINT AS url_clicks_unique
  FROM report_scoped_url GROUP BY ALL
)
SELECT
  t.template, t.language, t.category,
  c.attempted, c.sent, c.delivered, c."read", c.failed, c.clicked, c.replied,
  coalesce(o.opted_out, 0)::BIGINT AS opted_out,
  u.url_clicks, u.url_clicks_unique,
  r.ttr_p50_seconds, r.ttr_p90_seconds
FROM counts c
JOIN report_templates t USING (tid)
LEFT JOIN opt_outs o USING (tid)
LEFT JOIN reads r USING (tid)
LEFT JOIN urls u ON u.template = t.template AND u.language = t.language AND u.category IS NOT DISTINCT FROM t.category
ORDER BY c.attempted DESC, t.template, t.language;
