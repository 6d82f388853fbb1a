-- Failures per group, error code and class (reads scoped_messages, see 00_scope.sql).
-- failed = a failed status and no delivered or read status; the code is that of the earliest failed status.
-- Classes follow Meta's error codes: Meta hold-outs (130472 experiment, 131049 marketing cap) are not errors of
-- the business; 131050 means the person stopped marketing messages.
SELECT
  g_template AS template, g_language AS language, g_category AS category, g_day AS day,
  fail_code AS code,
  CASE
    WHEN fail_code = 131026 THEN 'permanent-recipient'
    WHEN fail_code = 131047 THEN 'window'
    WHEN fail_code = 131049 THEN 'marketing-cap'
    WHEN fail_code = 130472 THEN 'experiment'
    WHEN fail_code = 131050 THEN 'opt-out'
    WHEN fail_code = 131048 THEN 'sender-quality'
    WHEN fail_code = 131056 THEN 'throttling'
    WHEN fail_code IN (131042, 131031, 131045) THEN 'account'
    WHEN fail_code IN (132000, 132001, 132005, 132007, 132012, 132015, 132016) THEN 'template'
    ELSE 'unknown'
  END AS class,
  any_value(fail_title) AS title,
  count(*) AS failed
FROM scoped_messages
WHERE failed
GROUP BY ALL
ORDER BY failed DESC, code;
