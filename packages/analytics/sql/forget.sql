-- Right to erasure: removes every row about one person. Variables: forget_phone_h (the phone as stored:
-- pseudonymised with the database's key, or raw with --keep-pii). The person's user ids (BSUIDs) are found from
-- every row that names both, and removed too. Derived tables are rebuilt afterwards by the caller.
CREATE OR REPLACE TEMP TABLE forget_keys AS
WITH phone AS (SELECT getvariable('forget_phone_h')::VARCHAR AS h),
users AS (
  SELECT DISTINCT user_h FROM (
    SELECT user_h FROM send_log WHERE phone_h = (SELECT h FROM phone)
    UNION ALL SELECT user_h FROM status_events WHERE phone_h = (SELECT h FROM phone)
    UNION ALL SELECT user_h FROM inbound_messages WHERE phone_h = (SELECT h FROM phone)
    UNION ALL SELECT user_h FROM user_preferences WHERE phone_h = (SELECT h FROM phone)
  ) WHERE user_h IS NOT NULL
)
SELECT (SELECT h FROM phone) AS phone_h, NULL::VARCHAR AS user_h
UNION ALL SELECT NULL, user_h FROM users;

-- the outbound messages of that person (their inbound messages in context and statuses go with them)
CREATE OR REPLACE TEMP TABLE forget_wamids AS
SELECT DISTINCT wamid FROM (
  SELECT wamid FROM send_log WHERE phone_h IN (SELECT phone_h FROM forget_keys) OR user_h IN (SELECT user_h FROM forget_keys)
  UNION ALL
  SELECT wamid FROM status_events WHERE phone_h IN (SELECT phone_h FROM forget_keys) OR user_h IN (SELECT user_h FROM forget_keys)
);

DELETE FROM status_events WHERE wamid IN (SELECT wamid FROM forget_wamids)
  OR phone_h IN (SELECT phone_h FROM forget_keys) OR user_h IN (SELECT user_h FROM forget_keys);
DELETE FROM send_log WHERE wamid IN (SELECT wamid FROM forget_wamids)
  OR phone_h IN (SELECT phone_h FROM forget_keys) OR user_h IN (SELECT user_h FROM forget_keys);
DELETE FROM inbound_messages WHERE phone_h IN (SELECT phone_h FROM forget_keys) OR user_h IN (SELECT user_h FROM forget_keys);
DELETE FROM user_preferences WHERE phone_h IN (SELECT phone_h FROM forget_keys) OR user_h IN (SELECT user_h FROM forget_keys);
