-- Agents' corrections of a turn's sentiment, intent or entities: training data (text redacted).
CREATE TABLE understanding_corrections (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    conversation_id BIGINT NOT NULL,
    message_seq     INT NOT NULL,
    kind            VARCHAR(16) NOT NULL,
    redacted_text   VARCHAR(10000) NOT NULL,
    label           VARCHAR(128) NOT NULL,
    corrected_by    VARCHAR(64) NOT NULL,
    corrected_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX understanding_corrections_by_kind ON understanding_corrections(kind, id);
