-- Failures of the selection by Meta error code and class (classes from @pesan/analytics sql/metrics/failures.sql,
-- which built report_failed).
SELECT code, class, any_value(title) AS title, sum(failed)::BIGINT AS failed
FROM report_scoped_failed
GROUP BY code, class
ORDER BY failed DESC, code;
