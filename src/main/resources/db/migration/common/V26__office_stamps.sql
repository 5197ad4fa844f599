-- One counter per office-wide setting that seats keep in memory (the macros, the Smart Reply allowlist's curation,
-- the promoted intent model). Each write to one raises its counter in the same transaction; a seat that sees a
-- counter move re-reads that setting, so a supervisor's change on one seat reaches every seat without a restart.
CREATE TABLE office_stamp (
    area    VARCHAR(32) PRIMARY KEY,
    version BIGINT      NOT NULL
);
INSERT INTO office_stamp (area, version) VALUES ('MACROS', 0);
INSERT INTO office_stamp (area, version) VALUES ('ALLOWLIST', 0);
INSERT INTO office_stamp (area, version) VALUES ('INTENT_MODEL', 0);
