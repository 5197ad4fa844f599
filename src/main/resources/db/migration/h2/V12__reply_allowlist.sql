-- Smart Reply: replies agents sent before, clustered; supervisors allow or block each entry.
CREATE TABLE reply_allowlist (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    language    VARCHAR(8)     NOT NULL,
    body        VARCHAR(10000) NOT NULL,
    status      VARCHAR(16)    NOT NULL,
    times_sent  INT            NOT NULL,
    reviewed_by VARCHAR(64),
    UNIQUE (language, body)
);
-- The customer messages each entry answered: what a new customer message is matched against.
CREATE TABLE reply_allowlist_questions (
    entry_id BIGINT        NOT NULL REFERENCES reply_allowlist(id) ON DELETE CASCADE,
    question VARCHAR(2000) NOT NULL
);
CREATE INDEX reply_allowlist_questions_by_entry ON reply_allowlist_questions(entry_id);
