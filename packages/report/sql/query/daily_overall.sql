-- Daily counts of the whole selection, for the trend chart's "All templates" line (`pesan stats --by day`).
WITH counts AS (
  SELECT day, sum(attempted)::BIGINT AS attempted, sum(delivered)::BIGINT AS delivered, sum("read")::BIGINT AS "read",
    sum(clicked)::BIGINT AS clicked
  FROM report_scoped_cube
  GROUP BY day
),
opt_outs AS (
  SELECT day, count(DISTINCT user_key)::BIGINT AS opted_out FROM report_scoped_optouts GROUP BY day
)
SELECT strftime(c.day, '%Y-%m-%d') AS day, c.attempted, c.delivered, c."read", c.clicked, coalesce(o.opted_out, 0)::BIGINT AS opted_out
FROM counts c
LEFT JOIN opt_outs o USING (day);
