package app.tandem.security;

import java.time.Instant;
import java.util.Optional;

/** One bearer token of a chat platform's integration, as admins see it: never its secret. */
public record IntegrationToken(String tokenId, String integration, String createdBy, Instant createdAt,
                               Optional<String> revokedBy, Optional<Instant> revokedAt, Optional<Instant> lastUsedAt) {

    public boolean revoked() {
        return revokedAt.isPresent();
    }
}
