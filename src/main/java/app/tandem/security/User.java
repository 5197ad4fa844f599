package app.tandem.security;

import java.time.Instant;
import java.util.Optional;

/** A person who signs in to Tandem. The password hash never leaves the security package's stores. */
public record User(long id, String username, String displayName, Role role, int failedAttempts, Optional<Instant> lockedUntil) {

    public boolean mayEditKnowledgeBase() {
        return role.atLeast(Role.SUPERVISOR);
    }

    public boolean isLockedAt(Instant now) {
        return lockedUntil.map(now::isBefore).orElse(false);
    }
}
