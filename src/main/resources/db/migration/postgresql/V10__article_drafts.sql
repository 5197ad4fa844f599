-- PostgreSQL twin of h2/V10__article_drafts.sql: the same schema in PostgreSQL's types (identity columns, TEXT, DOUBLE PRECISION).
-- Released files are never edited; from V24 on, migrations are written once in db/migration/common.
-- Editors' unsaved work, autosaved a few seconds after typing stops: one draft per person and
-- article (also for an article not yet created, hence no foreign key). Not a published version.
CREATE TABLE article_drafts (
    article_id     VARCHAR(128) NOT NULL,
    username       VARCHAR(64)  NOT NULL,
    title          VARCHAR(10000) NOT NULL,
    language       VARCHAR(8)   NOT NULL,
    status         VARCHAR(16)  NOT NULL,
    tags           VARCHAR(10000) NOT NULL DEFAULT '',
    intents        VARCHAR(10000) NOT NULL DEFAULT '',
    translation_of VARCHAR(128),
    body           TEXT NOT NULL,
    base_version   INT NOT NULL,
    saved_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (article_id, username)
);

-- Usage per article (times shown, inserted, last used) is counted from the suggestions log.
CREATE INDEX suggestions_by_article_source ON suggestions(source, source_ref);
