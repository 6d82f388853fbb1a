-- message_templates exports (temp table dictionary_doc(doc JSON)): {"data":[{id, name, language, category,
-- status}]}, a bare array of such objects, or one object. Identical rows already stored are skipped.
CREATE OR REPLACE TEMP TABLE staged_templates AS
WITH items AS (
  SELECT unnest(CASE
    WHEN json_type(doc) = 'ARRAY' THEN json_extract(doc, '$[*]')
    WHEN json_type(doc, '$.data') = 'ARRAY' THEN json_extract(doc, '$.data[*]')
    ELSE [doc] END) AS t
  FROM dictionary_doc
),
numbered AS (SELECT row_number() OVER () AS element, t FROM items)
SELECT element, t::VARCHAR AS raw,
  json_extract_string(t, '$.id') AS template_id,
  json_extract_string(t, '$.name') AS name,
  json_extract_string(t, '$.language') AS language,
  upper(json_extract_string(t, '$.category')) AS category,
  upper(json_extract_string(t, '$.status')) AS status
FROM numbered;

CREATE OR REPLACE TEMP TABLE staged_rejects AS
SELECT element AS line_no, 'template without id, name or language' AS reason, raw
FROM staged_templates WHERE template_id IS NULL OR name IS NULL OR language IS NULL;

INSERT INTO template_dictionary
SELECT DISTINCT s.template_id, s.name, s.language, s.category, s.status, getvariable('file_id')
FROM staged_templates s
WHERE s.template_id IS NOT NULL AND s.name IS NOT NULL AND s.language IS NOT NULL
  AND NOT EXISTS (
    SELECT 1 FROM template_dictionary d
    WHERE d.template_id = s.template_id AND d.name = s.name AND d.language = s.language
      AND d.category IS NOT DISTINCT FROM s.category AND d.status IS NOT DISTINCT FROM s.status);
