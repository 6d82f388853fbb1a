-- Delivery funnel per group (reads scoped_messages, see 00_scope.sql).
CREATE OR REPLACE TEMP VIEW metric_funnel AS
SELECT
  g_template, g_language, g_category, g_day,
  -- attempted: send-log rows plus messages joined through biz_opaque_callback_data that are absent from the log
  count(*) AS attempted,
  -- sent: messages with any sent, delivered or read status
  count(*) FILTER (WHERE has_sent) AS sent,
  -- delivered: messages with a delivered or read status (read implies delivered)
  count(*) FILTER (WHERE delivered_ts IS NOT NULL) AS delivered,
  -- read: messages with a read status (a lower bound: users can turn read receipts off)
  count(*) FILTER (WHERE read_ts IS NOT NULL) AS "read",
  -- failed: messages with a failed status and no delivered or read status
  count(*) FILTER (WHERE failed) AS failed
FROM scoped_messages
GROUP BY ALL;
