-- Report cube, step 6: URL-button clicks per template and UTC day, from @pesan/analytics' metric_url_clicks view
-- (template_analytics points; run by template and day with tz = UTC by cube.ts, since the points are whole UTC days).
CREATE OR REPLACE TEMP TABLE report_url AS
SELECT g_template AS template, g_language AS language, g_category AS category, g_day AS day,
  url_clicks::BIGINT AS url_clicks, url_clicks_unique::BIGINT AS url_clicks_unique
FROM metric_url_clicks;
