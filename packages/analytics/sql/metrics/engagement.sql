-- Engagement per group (reads scoped_messages, see 00_scope.sql).
CREATE OR REPLACE TEMP VIEW metric_engagement AS
SELECT
  g_template, g_language, g_category, g_day,
  -- clicked: distinct delivered messages with at least one quick-reply tap (inbound `button`, or an interactive
  -- button/list reply) whose context.id is that message; opt-out buttons ("Stop promotions") excluded.
  -- URL-button clicks never arrive as webhooks: they come only from template_analytics (url_clicks.sql).
  count(*) FILTER (WHERE clicked) AS clicked,
  -- replied: distinct delivered messages with at least one inbound message in their context of any type but
  -- reaction, request_welcome, unsupported, and opt-outs
  count(*) FILTER (WHERE replied) AS replied
FROM scoped_messages
GROUP BY ALL;
