-- Opt-outs attributed to messages of the selection, by signal and keyword: distinct people, never a text or a
-- number. kind: user_preferences (Meta's marketing stop), button (an opt-out quick reply) or keyword (an inbound
-- text that as a whole is an opt-out keyword).
SELECT kind, keyword, count(DISTINCT user_key)::BIGINT AS people
FROM report_scoped_optouts
GROUP BY kind, keyword
ORDER BY people DESC, kind, keyword;
