-- PostgreSQL twin of h2/V21__suggestion_ranking_signals.sql: the same schema in PostgreSQL's types (identity columns, TEXT, DOUBLE PRECISION).
-- Released files are never edited; from V24 on, migrations are written once in db/migration/common.
-- What retrieval said about each shown suggestion before calibration, for the re-ranker to learn from:
-- the raw cosine (or keyword score) and the passage's rank in the knowledge-base search (0: not from
-- search). NULL on rows logged before this version: the re-ranker treats them as unknown.
ALTER TABLE suggestions ADD COLUMN raw_score DOUBLE PRECISION;
ALTER TABLE suggestions ADD COLUMN search_rank INT;
