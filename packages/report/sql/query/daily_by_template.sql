-- Daily counts of the selection per template, for the trend chart (`pesan stats --by template,day`, counts only).
WITH counts AS (
  SELECT tid, day, sum(attempted)::BIGINT AS attempted, sum(delivered)::BIGINT AS delivered, sum("read")::BIGINT AS "read",
    sum(clicked)::BIGINT AS clicked
  FROM report_scoped_cube
  GROUP BY tid, day
),
opt_outs AS (
  SELECT tid, day, count(DISTINCT user_key)::BIGINT AS opted_out FROM report_scoped_optouts GROUP BY tid, day
)
SELECT t.template, t.language, strftime(c.day, '%Y-%m-%d') AS day, c.attempted, c.delivered, c."read", c.clicked,
  coalesce(o.opted_out, 0)::BIGINT AS opted_out
FROM counts c
JOIN report_templates t USING (tid)
LEFT JOIN opt_outs o USING (tid, day);
