-- Template lifecycle events (status, category and quality webhooks) inside the report period, by day in tz, for
-- annotating the trend chart. Filters: template and language; the category filter is not applied because a
-- category change is exactly the event that moves a template between categories.
SELECT
  name AS template,
  language,
  field,
  event,
  reason,
  previous_category,
  new_category,
  previous_quality,
  new_quality,
  other_title,
  ts,
  strftime(timezone(getvariable('tz')::VARCHAR, to_timestamp(ts)), '%Y-%m-%d') AS day
FROM report_template_events
WHERE TRUE
  AND field IN ('message_template_status_update', 'template_category_update', 'message_template_quality_update')
  -- an impending category change (no previous_category) is a warning, not a change: not annotated
  AND NOT (field = 'template_category_update' AND previous_category IS NULL)
  AND (getvariable('from_day')::VARCHAR IS NULL
       OR strftime(timezone(getvariable('tz')::VARCHAR, to_timestamp(ts)), '%Y-%m-%d') >= getvariable('from_day')::VARCHAR)
  AND (getvariable('to_day')::VARCHAR IS NULL
       OR strftime(timezone(getvariable('tz')::VARCHAR, to_timestamp(ts)), '%Y-%m-%d') <= getvariable('to_day')::VARCHAR)
  AND (getvariable('f_template')::VARCHAR IS NULL OR name = getvariable('f_template')::VARCHAR)
  AND (getvariable('f_language')::VARCHAR IS NULL OR language = getvariable('f_language')::VARCHAR)
ORDER BY ts, name, language;
