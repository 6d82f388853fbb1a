-- template_analytics exports (temp table analytics_doc(doc JSON): one document, or an array of documents):
-- Meta's shape {"data":[{"data_points":[...]}]}, the field-expansion shape {"template_analytics":{"data":[...]}},
-- and flat lists {"template_analytics":[<data point>...]}. Points are per template id and whole UTC day; `clicked`
-- holds url_button (total clicks), unique_url_button and quick_reply_button counts, `cost` holds amount_spent.
-- A later file's point for the same (template_id, day) replaces the earlier one (a later pull is more complete).
CREATE OR REPLACE TEMP TABLE staged_points AS
WITH docs AS (
  SELECT unnest(CASE WHEN json_type(doc) = 'ARRAY' THEN json_extract(doc, '$[*]') ELSE [doc] END) AS d FROM analytics_doc
),
containers AS (
  SELECT unnest(CASE
    WHEN json_type(d, '$.data') = 'ARRAY' THEN json_extract(d, '$.data[*]')
    WHEN json_type(d, '$.template_analytics.data') = 'ARRAY' THEN json_extract(d, '$.template_analytics.data[*]')
    WHEN json_type(d, '$.template_analytics') = 'ARRAY' THEN [json_object('data_points', json_extract(d, '$.template_analytics'))]
  END) AS c FROM docs
),
points AS (
  SELECT unnest(json_extract(c, '$.data_points[*]')) AS p FROM containers
),
numbered AS (
  SELECT row_number() OVER () AS element, p FROM points
)
SELECT
  element,
  p::VARCHAR AS raw,
  json_extract_string(p, '$.template_id') AS template_id,
  to_timestamp(try_cast(json_extract_string(p, '$.start') AS BIGINT))::DATE AS day,
  try_cast(json_extract_string(p, '$.sent') AS BIGINT) AS sent,
  try_cast(json_extract_string(p, '$.delivered') AS BIGINT) AS delivered,
  try_cast(json_extract_string(p, '$.read') AS BIGINT) AS "read",
  CASE WHEN json_type(p, '$.clicked') = 'ARRAY' THEN coalesce(list_sum(list_transform(
    list_filter(json_transform(json_extract(p, '$.clicked'), '[{"type":"VARCHAR","count":"BIGINT"}]'), x -> x.type = 'url_button'),
    x -> x.count)), 0) END AS url_clicks,
  CASE WHEN json_type(p, '$.clicked') = 'ARRAY' THEN coalesce(list_sum(list_transform(
    list_filter(json_transform(json_extract(p, '$.clicked'), '[{"type":"VARCHAR","count":"BIGINT"}]'), x -> x.type = 'unique_url_button'),
    x -> x.count)), 0) END AS url_clicks_unique,
  CASE WHEN json_type(p, '$.clicked') = 'ARRAY' THEN coalesce(list_sum(list_transform(
    list_filter(json_transform(json_extract(p, '$.clicked'), '[{"type":"VARCHAR","count":"BIGINT"}]'), x -> x.type = 'quick_reply_button'),
    x -> x.count)), 0) END AS quick_reply_clicks,
  CASE WHEN json_type(p, '$.cost') = 'ARRAY' THEN list_sum(list_transform(
    list_filter(json_transform(json_extract(p, '$.cost'), '[{"type":"VARCHAR","value":"DOUBLE"}]'), x -> x.type = 'amount_spent'),
    x -> x.value)) END AS amount_spent
FROM numbered;

CREATE OR REPLACE TEMP TABLE staged_rejects AS
SELECT element AS line_no, 'data point without template_id or a numeric start' AS reason, raw
FROM staged_points WHERE template_id IS NULL OR day IS NULL;

CREATE OR REPLACE TEMP TABLE new_points AS
SELECT * FROM staged_points WHERE template_id IS NOT NULL AND day IS NOT NULL
QUALIFY row_number() OVER (PARTITION BY template_id, day ORDER BY element DESC) = 1;

-- identical points already stored are duplicates, not changes
CREATE OR REPLACE TEMP TABLE changed_points AS
SELECT n.* FROM new_points n
ANTI JOIN analytics_points a
  ON a.template_id = n.template_id AND a.day = n.day AND a.sent IS NOT DISTINCT FROM n.sent
 AND a.delivered IS NOT DISTINCT FROM n.delivered AND a."read" IS NOT DISTINCT FROM n."read"
 AND a.url_clicks IS NOT DISTINCT FROM n.url_clicks AND a.url_clicks_unique IS NOT DISTINCT FROM n.url_clicks_unique
 AND a.quick_reply_clicks IS NOT DISTINCT FROM n.quick_reply_clicks AND a.amount_spent IS NOT DISTINCT FROM n.amount_spent;

DELETE FROM analytics_points a USING changed_points c WHERE a.template_id = c.template_id AND a.day = c.day;

INSERT INTO analytics_points
SELECT template_id, day, sent, delivered, "read", url_clicks, url_clicks_unique, quick_reply_clicks, amount_spent, getvariable('file_id')
FROM changed_points;
