-- Totals of the selection (one row): the counts of sql/metrics/funnel.sql and engagement.sql, distinct people who
-- opted out (opt_outs.sql) and URL clicks (url_clicks.sql). Rates are computed from these by the report.
SELECT
  coalesce(sum(attempted), 0)::BIGINT AS attempted,
  coalesce(sum(sent), 0)::BIGINT AS sent,
  coalesce(sum(delivered), 0)::BIGINT AS delivered,
  coalesce(sum("read"), 0)::BIGINT AS "read",
  coalesce(sum(failed), 0)::BIGINT AS failed,
  coalesce(sum(clicked), 0)::BIGINT AS clicked,
  coalesce(sum(replied), 0)::BIGINT AS replied,
  (SELECT count(DISTINCT user_key) FROM report_scoped_optouts)::BIGINT AS opted_out,
  (SELECT sum(url_clicks) FROM report_scoped_url)::BIGINT AS url_clicks,
  (SELECT sum(url_clicks_unique) FROM report_scoped_url)::BIGINT AS url_clicks_unique
FROM report_scoped_cube;
