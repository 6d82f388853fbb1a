-- Templates Meta acted against, from the webhooks, over the whole database (not only the report period: a
-- rejection usually happens before any message is sent): completed category changes (template_category_update
-- with a previous and a new category that differ) and rejections (message_template_status_update REJECTED).
-- The report joins them by name and language to the lint findings of the drafts. Filters: template, language.
SELECT
  CASE WHEN field = 'template_category_update' THEN 'recategorised' ELSE 'rejected' END AS action,
  name AS template,
  language,
  max(ts) AS ts,
  strftime(timezone(getvariable('tz')::VARCHAR, to_timestamp(max(ts))), '%Y-%m-%d') AS day,
  arg_max(CASE WHEN field = 'template_category_update' THEN previous_category || ' → ' || new_category ELSE reason END, ts) AS detail
FROM report_template_events
WHERE name IS NOT NULL
  AND ((field = 'template_category_update' AND previous_category IS NOT NULL AND new_category IS NOT NULL
        AND previous_category <> new_category)
    OR (field = 'message_template_status_update' AND event = 'REJECTED'))
  AND (getvariable('f_template')::VARCHAR IS NULL OR name = getvariable('f_template')::VARCHAR)
  AND (getvariable('f_language')::VARCHAR IS NULL OR language = getvariable('f_language')::VARCHAR)
GROUP BY ALL
ORDER BY action, ts, template, language;
