-- Report cube, step 8: the selection a report or an API request shows, over the cube (created once, read with the variables of the
-- moment): the period from_day .. to_day (inclusive 'YYYY-MM-DD' in the cube's time zone, or NULL) and the
-- filters f_template, f_language, f_category (exact; the category in capitals), as in @pesan/analytics
-- sql/metrics/00_scope.sql. URL clicks are whole UTC days from template_analytics and compare their UTC day with
-- the bounds, as sql/metrics/url_clicks.sql does.
CREATE OR REPLACE TEMP VIEW report_selected_templates AS
SELECT * FROM report_templates
WHERE (getvariable('f_template')::VARCHAR IS NULL OR template = getvariable('f_template')::VARCHAR)
  AND (getvariable('f_language')::VARCHAR IS NULL OR language = getvariable('f_language')::VARCHAR)
  AND (getvariable('f_category')::VARCHAR IS NULL OR category = upper(getvariable('f_category')::VARCHAR));

CREATE OR REPLACE TEMP VIEW report_scoped_cube AS
SELECT * FROM report_cube
WHERE tid IN (SELECT tid FROM report_selected_templates)
  AND (getvariable('from_day')::VARCHAR IS NULL OR day >= getvariable('from_day')::DATE)
  AND (getvariable('to_day')::VARCHAR IS NULL OR day <= getvariable('to_day')::DATE);

CREATE OR REPLACE TEMP VIEW report_scoped_reads AS
SELECT * FROM report_reads
WHERE tid IN (SELECT tid FROM report_selected_templates)
  AND (getvariable('from_day')::VARCHAR IS NULL OR day >= getvariable('from_day')::DATE)
  AND (getvariable('to_day')::VARCHAR IS NULL OR day <= getvariable('to_day')::DATE);

CREATE OR REPLACE TEMP VIEW report_scoped_optouts AS
SELECT * FROM report_optouts
WHERE tid IN (SELECT tid FROM report_selected_templates)
  AND (getvariable('from_day')::VARCHAR IS NULL OR day >= getvariable('from_day')::DATE)
  AND (getvariable('to_day')::VARCHAR IS NULL OR day <= getvariable('to_day')::DATE);

CREATE OR REPLACE TEMP VIEW report_scoped_failed AS
SELECT * FROM report_failed
WHERE tid IN (SELECT tid FROM report_selected_templates)
  AND (getvariable('from_day')::VARCHAR IS NULL OR day >= getvariable('from_day')::DATE)
  AND (getvariable('to_day')::VARCHAR IS NULL OR day <= getvariable('to_day')::DATE);

CREATE OR REPLACE TEMP VIEW report_scoped_url AS
SELECT * FROM report_url
WHERE (getvariable('from_day')::VARCHAR IS NULL OR day >= getvariable('from_day')::VARCHAR)
  AND (getvariable('to_day')::VARCHAR IS NULL OR day <= getvariable('to_day')::VARCHAR)
  AND (getvariable('f_template')::VARCHAR IS NULL OR template = getvariable('f_template')::VARCHAR)
  AND (getvariable('f_language')::VARCHAR IS NULL OR language = getvariable('f_language')::VARCHAR)
  AND (getvariable('f_category')::VARCHAR IS NULL OR category = upper(getvariable('f_category')::VARCHAR));
