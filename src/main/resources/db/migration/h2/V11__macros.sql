-- Macros: canned responses with variables ({customer.firstName}, {card.last4} …), matched by their trigger phrasings.
CREATE TABLE macros (
    id         BIGINT AUTO_INCREMENT PRIMARY KEY,
    language   VARCHAR(8)    NOT NULL,
    title      VARCHAR(256)  NOT NULL,
    body       VARCHAR(4000) NOT NULL,
    triggers   VARCHAR(4000) NOT NULL DEFAULT '',
    enabled    BOOLEAN       NOT NULL DEFAULT TRUE
);
-- Why an agent rejected a suggestion (optional), for the re-ranker and for supervisors.
ALTER TABLE suggestions ADD COLUMN reject_reason VARCHAR(500);
