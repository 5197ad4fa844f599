package app.tandem.security;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where integration tokens (their secrets' hashes) and the conversations each integration opened are kept. */
public interface IntegrationTokenRepository {

    void create(String tokenId, String integration, String secretHash, String createdBy, Instant at);

    List<IntegrationToken> all();

    Optional<IntegrationToken> find(String tokenId);

    Optional<String> secretHash(String tokenId);

    /** False when there is no such token or it was already revoked. */
    boolean revoke(String tokenId, String by, Instant at);

    void used(String tokenId, Instant at);

    void opened(long conversationId, String integration, String customerReference, Instant at);

    /** The integration that opened the conversation; empty for one opened on a desk or the chat page. */
    Optional<String> openedBy(long conversationId);
}
