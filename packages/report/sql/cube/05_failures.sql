-- Report cube, step 5: failures per template, day and error code, from @pesan/analytics' own sql/metrics/failures.sql (run
-- by template and day into the view report_analytics_failures by cube.ts), so the error classes are exactly those
-- of `pesan stats`.
CREATE OR REPLACE TEMP TABLE report_failed AS
SELECT t.tid, f.day::DATE AS day, f.code, f.class, f.title, f.failed::BIGINT AS failed
FROM report_analytics_failures f
JOIN report_templates t ON t.template = f.template AND t.language = f.language;

DROP VIEW report_analytics_failures;
