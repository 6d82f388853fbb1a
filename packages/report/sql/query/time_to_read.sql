-- Time to read of the selection, in one pass over the read messages: the median and 90th percentile (exact order
-- statistics as in @pesan/analytics sql/metrics/time_to_read.sql: quantile_disc, no interpolation; one list-valued
-- call sorts once) and the distribution in roughly logarithmic buckets, so that "read at once" and "read the next
-- day" both stay visible (bounds in seconds; keep in step with sections/time-to-read.ts). Only read messages: read
-- is a lower bound, people with read receipts off never appear here.
SELECT
  q[1] AS ttr_p50_seconds,
  q[2] AS ttr_p90_seconds,
  [b0, b1, b2, b3, b4, b5, b6, b7, b8] AS buckets
FROM (
  SELECT
    quantile_disc(seconds, [0.5, 0.9]) AS q,
    count(*) FILTER (WHERE seconds < 60) AS b0,
    count(*) FILTER (WHERE seconds >= 60 AND seconds < 300) AS b1,
    count(*) FILTER (WHERE seconds >= 300 AND seconds < 900) AS b2,
    count(*) FILTER (WHERE seconds >= 900 AND seconds < 3600) AS b3,
    count(*) FILTER (WHERE seconds >= 3600 AND seconds < 10800) AS b4,
    count(*) FILTER (WHERE seconds >= 10800 AND seconds < 21600) AS b5,
    count(*) FILTER (WHERE seconds >= 21600 AND seconds < 86400) AS b6,
    count(*) FILTER (WHERE seconds >= 86400 AND seconds < 259200) AS b7,
    count(*) FILTER (WHERE seconds >= 259200) AS b8
  FROM report_scoped_reads
);
