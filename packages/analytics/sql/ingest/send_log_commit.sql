-- Adds the valid staged send-log rows (send_log.sql) to send_log inside the file's transaction; the first row of
-- a wamid wins, rows already stored are skipped. Variable: file_id.
INSERT INTO send_log
SELECT s.wamid, s.sent_ts, s.template_name, s.template_language, s.phone_h, s.user_h, s.template_id, s.category,
       s.biz_opaque, getvariable('file_id'), s.line_no
FROM (
  SELECT * FROM staged_send WHERE reason IS NULL
  QUALIFY row_number() OVER (PARTITION BY wamid ORDER BY line_no) = 1
) s
ANTI JOIN send_log e ON e.wamid = s.wamid;
