-- Report cube, step 3: the time to read of every read message (it cannot be summed), for exact quantiles of any
-- selection as in @pesan/analytics sql/metrics/time_to_read.sql (quantile_disc of read_ts - cohort_ts).
CREATE OR REPLACE TEMP TABLE report_reads AS
SELECT t.tid, qu.day, (m.read_ts - m.cohort_ts)::INTEGER AS seconds
FROM messages m
JOIN report_quarters qu ON qu.q = m.cohort_ts // getvariable('report_grain')
JOIN report_templates t ON t.template = m.template AND t.language = m.language
WHERE m.read_ts IS NOT NULL;
