-- Read rate by send time: ISO weekday (1 = Monday) x hour of the send time in the report's time zone. The page
-- shows read / delivered of each cell with its counts, so a cell with 3 messages is not over-read.
SELECT weekday, hour, sum(delivered)::BIGINT AS delivered, sum("read")::BIGINT AS "read"
FROM report_scoped_cube
GROUP BY weekday, hour
ORDER BY weekday, hour;
