-- Tandem schema, version 1. Later changes are new numbered files; never edit a released one.

CREATE TABLE users (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    username        VARCHAR(64)  NOT NULL UNIQUE,
    display_name    VARCHAR(128) NOT NULL,
    role            VARCHAR(16)  NOT NULL,
    password_hash   VARCHAR(512) NOT NULL,
    failed_attempts INT          NOT NULL DEFAULT 0,
    locked_until    TIMESTAMP WITH TIME ZONE,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE customers (
    id             VARCHAR(32)  PRIMARY KEY,
    name           VARCHAR(128) NOT NULL,
    segment        VARCHAR(32)  NOT NULL,
    language       VARCHAR(8)   NOT NULL,
    email          VARCHAR(256),
    phone          VARCHAR(64),
    customer_since DATE,
    products       VARCHAR(2000) NOT NULL DEFAULT '',
    notes          VARCHAR(4000) NOT NULL DEFAULT ''
);

CREATE TABLE customer_cards (
    customer_id VARCHAR(32) NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
    card_type   VARCHAR(64) NOT NULL,
    last4       CHAR(4)     NOT NULL,
    status      VARCHAR(16) NOT NULL,
    PRIMARY KEY (customer_id, last4)
);

CREATE TABLE conversations (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    customer_id VARCHAR(32) REFERENCES customers(id),
    channel     VARCHAR(16) NOT NULL,
    title       VARCHAR(256) NOT NULL,
    status      VARCHAR(16) NOT NULL,
    started_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    closed_at   TIMESTAMP WITH TIME ZONE,
    summary     VARCHAR(4000)
);
CREATE INDEX conversations_by_customer ON conversations(customer_id, started_at);
CREATE INDEX conversations_by_status ON conversations(status);

CREATE TABLE messages (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    conversation_id BIGINT       NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
    seq             INT          NOT NULL,
    author          VARCHAR(16)  NOT NULL,
    body            VARCHAR(10000) NOT NULL,
    origin          VARCHAR(24)  NOT NULL,
    suggestion_id   BIGINT,
    agent           VARCHAR(64),
    sent_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    UNIQUE (conversation_id, seq)
);

CREATE TABLE articles (
    id             VARCHAR(128) PRIMARY KEY,
    title          VARCHAR(512) NOT NULL,
    language       VARCHAR(8)   NOT NULL,
    status         VARCHAR(16)  NOT NULL,
    tags           VARCHAR(1000) NOT NULL DEFAULT '',
    intents        VARCHAR(2000) NOT NULL DEFAULT '',
    translation_of VARCHAR(128),
    body           CLOB NOT NULL,
    version        INT  NOT NULL,
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by     VARCHAR(64) NOT NULL
);

CREATE TABLE article_versions (
    article_id VARCHAR(128) NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    version    INT          NOT NULL,
    title      VARCHAR(512) NOT NULL,
    status     VARCHAR(16)  NOT NULL,
    tags       VARCHAR(1000) NOT NULL,
    intents    VARCHAR(2000) NOT NULL,
    body       CLOB NOT NULL,
    author     VARCHAR(64)  NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (article_id, version)
);

-- Every suggestion shown to an agent, and what the agent did with it.
CREATE TABLE suggestions (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    conversation_id BIGINT      NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
    message_seq     INT         NOT NULL,
    rank            INT         NOT NULL,
    score           DOUBLE      NOT NULL,
    source          VARCHAR(16) NOT NULL,
    source_ref      VARCHAR(128) NOT NULL,
    source_version  INT,
    body            VARCHAR(10000) NOT NULL,
    shown_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    action          VARCHAR(16),
    action_at       TIMESTAMP WITH TIME ZONE,
    edit_distance   INT,
    agent           VARCHAR(64)
);
CREATE INDEX suggestions_by_conversation ON suggestions(conversation_id, message_seq);

CREATE TABLE audit_log (
    id       BIGINT AUTO_INCREMENT PRIMARY KEY,
    at       TIMESTAMP WITH TIME ZONE NOT NULL,
    actor    VARCHAR(64)  NOT NULL,
    action   VARCHAR(64)  NOT NULL,
    target   VARCHAR(256) NOT NULL,
    detail   VARCHAR(4000) NOT NULL DEFAULT ''
);
