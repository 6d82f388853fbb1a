-- Report cube, step 7: what the served report needs after it closes the database file: the template lifecycle
-- webhooks (a few rows) and the number of messages that could not be joined to a template.
CREATE OR REPLACE TEMP TABLE report_template_events AS
SELECT name, language, field, event, reason, previous_category, new_category, previous_quality, new_quality, other_title, ts
FROM template_events
WHERE name IS NOT NULL AND ts IS NOT NULL;

CREATE OR REPLACE TEMP TABLE report_unattributed AS
SELECT count(*)::BIGINT AS messages FROM messages WHERE template IS NULL;
