-- Customer questions that an article answered, learned from resolved conversations (PII redacted).
CREATE TABLE article_questions (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    article_id      VARCHAR(128) NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    question        VARCHAR(2000) NOT NULL,
    conversation_id BIGINT,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by      VARCHAR(64) NOT NULL,
    UNIQUE (article_id, question)
);
CREATE INDEX article_questions_by_article ON article_questions(article_id);
