-- Intent training examples: imported rows and intents confirmed on resolved conversations (PII redacted).
CREATE TABLE intent_examples (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    text        VARCHAR(2000) NOT NULL,
    intent      VARCHAR(128) NOT NULL,
    source      VARCHAR(256) NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    UNIQUE (text, intent)
);
CREATE INDEX intent_examples_by_intent ON intent_examples(intent);
