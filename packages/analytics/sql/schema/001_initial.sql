-- Pesan analytics database, schema version 1.
-- Event tables hold one row per distinct event (duplicates removed at ingest); derived tables (messages,
-- optout_events, optout_attributions) are rebuilt from them after every ingest (sql/derive/*.sql).
-- Timestamps are Unix seconds (BIGINT), exactly as Meta sends them; phone numbers and user ids are stored as keyed
-- hashes (`phone_h`, `user_h`) unless the data was ingested with --keep-pii.

CREATE TABLE IF NOT EXISTS schema_version (
  version INTEGER NOT NULL,
  pesan_version VARCHAR,
  applied_at TIMESTAMPTZ NOT NULL DEFAULT current_timestamp
);

-- Key/value facts about the database: `derived_dirty` (events changed since the last derive), `pii` (hashed|kept).
CREATE TABLE IF NOT EXISTS state (key VARCHAR PRIMARY KEY, value VARCHAR);

CREATE SEQUENCE IF NOT EXISTS file_ids START 1;

-- One row per ingested file (a re-ingest of the same content adds a row: the events themselves are deduplicated).
CREATE TABLE IF NOT EXISTS files (
  file_id INTEGER PRIMARY KEY,
  path VARCHAR NOT NULL,
  kind VARCHAR NOT NULL,
  sha256 VARCHAR,
  bytes BIGINT,
  lines BIGINT,
  accepted_lines BIGINT,
  rejected_lines BIGINT,
  new_events BIGINT,
  duplicate_events BIGINT,
  truncated BOOLEAN NOT NULL DEFAULT false,
  ingested_at TIMESTAMPTZ NOT NULL DEFAULT current_timestamp
);

-- statuses[] of `messages` webhooks: one row per distinct (wamid, status, ts). Unknown statuses are kept.
CREATE TABLE IF NOT EXISTS status_events (
  wamid VARCHAR NOT NULL,
  status VARCHAR NOT NULL,
  ts BIGINT NOT NULL,
  phone_h VARCHAR,
  user_h VARCHAR,
  biz_opaque VARCHAR,
  pricing_category VARCHAR,
  pricing_type VARCHAR,
  pricing_model VARCHAR,
  error_code INTEGER,
  error_title VARCHAR,
  phone_number_id VARCHAR,
  file_id INTEGER,
  line_no BIGINT
);

-- messages[] of `messages` webhooks (customers' inbound messages): one row per inbound wamid. The text is used
-- for opt-out detection at ingest (optout_keyword) and kept only with --keep-text.
CREATE TABLE IF NOT EXISTS inbound_messages (
  in_wamid VARCHAR NOT NULL,
  ts BIGINT NOT NULL,
  type VARCHAR,
  phone_h VARCHAR,
  user_h VARCHAR,
  context_wamid VARCHAR,
  button_payload VARCHAR,
  button_text VARCHAR,
  interactive_type VARCHAR,
  reply_id VARCHAR,
  reply_title VARCHAR,
  reaction_emoji VARCHAR,
  -- the opt-out keyword the whole text, button or reply title equals (normalised), else NULL
  optout_keyword VARCHAR,
  text_body VARCHAR,
  file_id INTEGER,
  line_no BIGINT
);

-- user_preferences webhooks (marketing stop / resume): one row per distinct (user, value, ts).
CREATE TABLE IF NOT EXISTS user_preferences (
  phone_h VARCHAR,
  user_h VARCHAR,
  value VARCHAR NOT NULL,
  category VARCHAR,
  ts BIGINT NOT NULL,
  file_id INTEGER,
  line_no BIGINT
);

-- message_template_status_update, template_category_update, message_template_quality_update.
CREATE TABLE IF NOT EXISTS template_events (
  template_id VARCHAR,
  name VARCHAR,
  language VARCHAR,
  field VARCHAR NOT NULL,
  event VARCHAR,
  reason VARCHAR,
  category VARCHAR,
  previous_category VARCHAR,
  new_category VARCHAR,
  previous_quality VARCHAR,
  new_quality VARCHAR,
  other_title VARCHAR,
  ts BIGINT,
  file_id INTEGER,
  line_no BIGINT
);

-- Changes of a field Pesan does not model (account_update, smb_message_echoes ...): counted and located, not parsed.
CREATE TABLE IF NOT EXISTS other_events (
  field VARCHAR,
  waba_id VARCHAR,
  file_id INTEGER,
  line_no BIGINT
);

-- The send log (the application's record of each send API call): the first row per wamid wins.
CREATE TABLE IF NOT EXISTS send_log (
  wamid VARCHAR NOT NULL,
  sent_ts BIGINT NOT NULL,
  template_name VARCHAR NOT NULL,
  template_language VARCHAR NOT NULL,
  phone_h VARCHAR,
  user_h VARCHAR,
  template_id VARCHAR,
  category VARCHAR,
  biz_opaque VARCHAR,
  file_id INTEGER,
  line_no BIGINT
);

-- A message_templates export (GET /<WABA>/message_templates): the id <-> name, language, category dictionary.
CREATE TABLE IF NOT EXISTS template_dictionary (
  template_id VARCHAR NOT NULL,
  name VARCHAR,
  language VARCHAR,
  category VARCHAR,
  status VARCHAR,
  file_id INTEGER
);

-- template_analytics data points: per template id and whole UTC day (they cannot be regrouped by another time
-- zone). A later file's point for the same (template_id, day) replaces the earlier one.
CREATE TABLE IF NOT EXISTS analytics_points (
  template_id VARCHAR NOT NULL,
  day DATE NOT NULL,
  sent BIGINT,
  delivered BIGINT,
  read BIGINT,
  url_clicks BIGINT,
  url_clicks_unique BIGINT,
  quick_reply_clicks BIGINT,
  amount_spent DOUBLE,
  file_id INTEGER
);

-- Lines that could not be ingested: file, line number, reason, and the line cut to 1 KB with long digit runs masked.
CREATE TABLE IF NOT EXISTS rejects (
  file_id INTEGER,
  path VARCHAR,
  line_no BIGINT,
  reason VARCHAR NOT NULL,
  raw VARCHAR
);

-- Derived: one row per outbound template message (see sql/derive/messages.sql).
CREATE TABLE IF NOT EXISTS messages (
  wamid VARCHAR NOT NULL,
  template VARCHAR,
  language VARCHAR,
  category VARCHAR,
  joined_by VARCHAR,
  user_key VARCHAR,
  cohort_ts BIGINT,
  has_sent BOOLEAN,
  delivered_ts BIGINT,
  read_ts BIGINT,
  failed BOOLEAN,
  fail_code INTEGER,
  fail_title VARCHAR,
  clicked BOOLEAN,
  replied BOOLEAN,
  -- an opt-out was attributed to this message
  opted_out BOOLEAN
);

-- Derived: opt-out events from the three signals, and the message each one is attributed to.
CREATE TABLE IF NOT EXISTS optout_events (
  user_key VARCHAR NOT NULL,
  ts BIGINT NOT NULL,
  kind VARCHAR NOT NULL,
  keyword VARCHAR,
  wamid VARCHAR
);
