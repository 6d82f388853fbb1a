-- Report cube, step 1: the day, ISO weekday and hour in the report time zone of every quarter hour in which a
-- template message was sent. Converting 1,000,000 timestamps with timezone() costs more than everything else
-- together; converting each distinct quarter hour once (a few thousand) and joining on it is exact, because every
-- UTC offset in use and every daylight-saving switch is a whole number of quarter hours. `exact` checks it for each
-- quarter (its first and last second fall in the same local hour); should one fail, cube.ts builds this table again
-- with minutes, then seconds (report_grain).
-- Variables: tz (IANA zone), report_grain (seconds per step: 900, else 60, else 1).
CREATE OR REPLACE TEMP TABLE report_quarters AS
WITH quarters AS (
  SELECT DISTINCT cohort_ts // getvariable('report_grain') AS q FROM messages WHERE template IS NOT NULL AND cohort_ts IS NOT NULL
),
local AS (
  SELECT q,
    timezone(getvariable('tz')::VARCHAR, to_timestamp(q * getvariable('report_grain'))) AS first_second,
    timezone(getvariable('tz')::VARCHAR, to_timestamp(q * getvariable('report_grain') + getvariable('report_grain') - 1)) AS last_second
  FROM quarters
)
SELECT
  q,
  first_second::DATE AS day,
  isodow(first_second)::INTEGER AS weekday,
  hour(first_second)::INTEGER AS hour,
  date_trunc('hour', first_second) = date_trunc('hour', last_second) AS exact
FROM local;
