-- URL-button clicks per group, from template_analytics only (Meta sends no webhook for them).
-- Data points are keyed by template id and whole UTC day: they are joined to names through the template
-- dictionary (a message_templates export, or the ids seen in template webhooks) and cannot be regrouped by
-- another time zone: with by_day in a tz other than UTC the day rows carry NULL; date bounds compare UTC days.
CREATE OR REPLACE TEMP VIEW metric_url_clicks AS
WITH names AS (
  SELECT template_id, any_value(name) AS name, any_value(language) AS language FROM (
    SELECT template_id, name, language FROM template_dictionary WHERE name IS NOT NULL
    UNION ALL SELECT template_id, name, language FROM template_events WHERE template_id IS NOT NULL AND name IS NOT NULL
    UNION ALL SELECT template_id, template_name, template_language FROM send_log WHERE template_id IS NOT NULL
  ) GROUP BY template_id
),
categories AS (
  SELECT DISTINCT template, language, category FROM messages WHERE template IS NOT NULL
),
points AS (
  SELECT n.name AS template, n.language, c.category, strftime(p.day, '%Y-%m-%d') AS day, p.url_clicks, p.url_clicks_unique
  FROM analytics_points p
  JOIN names n USING (template_id)
  LEFT JOIN categories c ON c.template = n.name AND c.language = n.language
  WHERE (getvariable('from_day')::VARCHAR IS NULL OR strftime(p.day, '%Y-%m-%d') >= getvariable('from_day')::VARCHAR)
    AND (getvariable('to_day')::VARCHAR IS NULL OR strftime(p.day, '%Y-%m-%d') <= getvariable('to_day')::VARCHAR)
    AND (getvariable('f_template')::VARCHAR IS NULL OR n.name = getvariable('f_template')::VARCHAR)
    AND (getvariable('f_language')::VARCHAR IS NULL OR n.language = getvariable('f_language')::VARCHAR)
    AND (getvariable('f_category')::VARCHAR IS NULL OR c.category = upper(getvariable('f_category')::VARCHAR))
    AND (NOT getvariable('by_day') OR getvariable('tz')::VARCHAR IN ('UTC', 'Etc/UTC'))
)
SELECT
  CASE WHEN getvariable('by_template') THEN template END AS g_template,
  CASE WHEN getvariable('by_template') OR getvariable('by_language') THEN language END AS g_language,
  CASE WHEN getvariable('by_template') OR getvariable('by_category') THEN category END AS g_category,
  CASE WHEN getvariable('by_day') THEN day END AS g_day,
  -- urlClicks: total URL-button clicks (template_analytics `url_button`)
  sum(url_clicks) AS url_clicks,
  -- urlClicksUnique: sum of daily unique clickers (template_analytics `unique_url_button`)
  sum(url_clicks_unique) AS url_clicks_unique
FROM points
GROUP BY ALL;
