-- Every metric per group: run 00_scope.sql and the metric files first (pesan stats does).
-- Rates are fractions between 0 and 1, NULL when the denominator is 0.
SELECT
  f.g_template AS template,
  f.g_language AS language,
  f.g_category AS category,
  f.g_day AS day,
  f.attempted, f.sent, f.delivered, f."read", f.failed,
  coalesce(e.clicked, 0) AS clicked,
  coalesce(e.replied, 0) AS replied,
  coalesce(o.opted_out, 0) AS opted_out,
  u.url_clicks, u.url_clicks_unique,
  -- delivery rate = delivered / attempted
  f.delivered / nullif(f.attempted, 0) AS delivery_rate,
  -- read rate = read / delivered (a lower bound: read receipts can be off)
  f."read" / nullif(f.delivered, 0) AS read_rate,
  -- click rate = clicked / delivered (clicks happen without read receipts, so not / read)
  coalesce(e.clicked, 0) / nullif(f.delivered, 0) AS click_rate,
  -- opt-out rate = opted-out people / delivered
  coalesce(o.opted_out, 0) / nullif(f.delivered, 0) AS opt_out_rate,
  -- failure rate = failed / attempted
  f.failed / nullif(f.attempted, 0) AS failure_rate,
  t.ttr_p50_seconds, t.ttr_p90_seconds
FROM metric_funnel f
LEFT JOIN metric_engagement e
  ON e.g_template IS NOT DISTINCT FROM f.g_template AND e.g_language IS NOT DISTINCT FROM f.g_language
 AND e.g_category IS NOT DISTINCT FROM f.g_category AND e.g_day IS NOT DISTINCT FROM f.g_day
LEFT JOIN metric_opt_outs o
  ON o.g_template IS NOT DISTINCT FROM f.g_template AND o.g_language IS NOT DISTINCT FROM f.g_language
 AND o.g_category IS NOT DISTINCT FROM f.g_category AND o.g_day IS NOT DISTINCT FROM f.g_day
LEFT JOIN metric_time_to_read t
  ON t.g_template IS NOT DISTINCT FROM f.g_template AND t.g_language IS NOT DISTINCT FROM f.g_language
 AND t.g_category IS NOT DISTINCT FROM f.g_category AND t.g_day IS NOT DISTINCT FROM f.g_day
LEFT JOIN metric_url_clicks u
  ON u.g_template IS NOT DISTINCT FROM f.g_template AND u.g_language IS NOT DISTINCT FROM f.g_language
 AND u.g_category IS NOT DISTINCT FROM f.g_category AND u.g_day IS NOT DISTINCT FROM f.g_day
ORDER BY f.g_day NULLS FIRST, f.g_template NULLS FIRST, f.g_language NULLS FIRST, f.g_category NULLS FIRST;
