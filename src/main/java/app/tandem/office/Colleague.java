package app.tandem.office;

import app.tandem.security.Role;
import java.time.Instant;
import java.util.Optional;

/**
 * A person of the office as a colleague sees them: who, what they may do, and whether they are at a seat.
 *
 * @param presence what they said, or empty when no seat of theirs has been heard from lately (signed out or gone)
 * @param seenAt   when a seat of theirs last said so
 */
public record Colleague(String username, String displayName, Role role, Optional<Presence> presence, Optional<Instant> seenAt) {

    public boolean isOnline() {
        return presence.isPresent();
    }
}
