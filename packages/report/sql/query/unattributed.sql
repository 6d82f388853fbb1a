-- Template messages that could not be joined to a template (no send-log row, no usable biz_opaque_callback_data):
-- in no number of the report; counted so that the page can say so.
SELECT messages FROM report_unattributed;
