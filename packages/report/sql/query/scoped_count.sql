-- Template messages of the selection (the denominator of failure shares).
SELECT coalesce(sum(attempted), 0)::BIGINT AS attempted FROM report_scoped_cube;
