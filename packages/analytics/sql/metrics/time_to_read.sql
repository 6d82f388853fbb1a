-- Time to read per group (reads scoped_messages, see 00_scope.sql).
CREATE OR REPLACE TEMP VIEW metric_time_to_read AS
SELECT
  g_template, g_language, g_category, g_day,
  -- seconds from the cohort send time to the first read status; exact order statistics (no interpolation)
  quantile_disc(read_ts - cohort_ts, 0.5) AS ttr_p50_seconds,
  quantile_disc(read_ts - cohort_ts, 0.9) AS ttr_p90_seconds
FROM scoped_messages
WHERE read_ts IS NOT NULL
GROUP BY ALL;
