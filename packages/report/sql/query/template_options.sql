-- Every template (name x language) with messages, its category and volume: the choices of the pickers. Not
-- filtered, so that a filter never hides the other choices.
SELECT t.template, t.language, t.category, sum(c.attempted)::BIGINT AS messages
FROM report_cube c
JOIN report_templates t USING (tid)
GROUP BY t.template, t.language, t.category
ORDER BY messages DESC, t.template, t.language;
