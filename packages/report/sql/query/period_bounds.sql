-- First and last send day of the selected templates, ignoring the date bounds: the default report period.
SELECT strftime(min(day), '%Y-%m-%d') AS first_day, strftime(max(day), '%Y-%m-%d') AS last_day
FROM report_cube
WHERE tid IN (SELECT tid FROM report_selected_templates);
