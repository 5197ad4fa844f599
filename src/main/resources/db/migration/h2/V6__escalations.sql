-- Conversations flagged for a supervisor: why, when, and whether a supervisor has seen it.
CREATE TABLE escalations (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    conversation_id BIGINT NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
    message_seq     INT NOT NULL,
    reason          VARCHAR(32) NOT NULL,
    detail          VARCHAR(500) NOT NULL,
    raised_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    status          VARCHAR(16) NOT NULL DEFAULT 'OPEN',
    acknowledged_by VARCHAR(64),
    acknowledged_at TIMESTAMP WITH TIME ZONE
);
CREATE INDEX escalations_by_conversation ON escalations(conversation_id);
CREATE INDEX escalations_by_status ON escalations(status, raised_at);
