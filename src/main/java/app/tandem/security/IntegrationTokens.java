package app.tandem.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Bearer tokens for the chat platforms that forward their customers to Tandem (issue 18): created, listed and
 * revoked by admins, every use and every refused use in the audit log.
 *
 * <p>A token is {@code tandem_<id>_<secret>}: the id is public (lists, audit rows), the secret is 256 random bits,
 * shown once and kept only as its SHA-256. A password needs a slow hash such as PBKDF2 because people choose guessable
 * ones; a 256-bit random secret cannot be guessed however fast the hash, and a slow hash would cost every API request
 * the half second PBKDF2 takes a sign-in.
 */
public final class IntegrationTokens {

    /** "api:" and the name fit the audit log's 64 characters for an actor. */
    public static final int MAX_NAME_LENGTH = 60;
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 ._-]{0," + (MAX_NAME_LENGTH - 1) + "}");
    private static final Pattern TOKEN = Pattern.compile("tandem_([a-z0-9]{12})_([A-Za-z0-9_-]{43})");
    private static final String ACTOR = "api";

    private final IntegrationTokenRepository tokens;
    private final AuditLog audit;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    /** A token just made: {@code token} is the only copy of its secret. */
    public record Created(String tokenId, String integration, String token) {}

    public IntegrationTokens(IntegrationTokenRepository tokens, AuditLog audit, Clock clock) {
        this.tokens = tokens;
        this.audit = audit;
        this.clock = clock;
    }

    public Created create(String admin, String integration) {
        String name = integration == null ? "" : integration.strip();
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("An integration name is 1 to " + MAX_NAME_LENGTH
                    + " letters, digits, spaces, '.', '_' or '-', starting with a letter or digit.");
        }
        String tokenId = HexFormat.of().formatHex(bytes(6));
        String secret = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes(32));
        tokens.create(tokenId, name, hash(secret), admin, clock.instant());
        audit.record(admin, "api.token.create", tokenId, name);
        return new Created(tokenId, name, "tandem_" + tokenId + "_" + secret);
    }

    public List<IntegrationToken> list() {
        return tokens.all();
    }

    public void revoke(String admin, String tokenId) {
        IntegrationToken token = tokens.find(tokenId).orElseThrow(() ->
                new IllegalArgumentException("There is no API token " + tokenId + "; `tandem api-token list` shows them."));
        if (!tokens.revoke(tokenId, admin, clock.instant())) {
            throw new IllegalArgumentException("The API token " + tokenId + " was already revoked.");
        }
        audit.record(admin, "api.token.revoke", tokenId, token.integration());
    }

    /**
     * The integration an {@code Authorization} header's bearer token belongs to, the use recorded; empty, and the
     * refusal recorded (without the secret), for a missing, malformed, unknown or revoked token.
     */
    public Optional<String> check(String authorization, String what, String from) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return refused("unknown", "no bearer token", what, from);
        }
        Matcher m = TOKEN.matcher(authorization.substring(7).strip());
        if (!m.matches()) {
            return refused("unknown", "not a Tandem token", what, from);
        }
        String tokenId = m.group(1);
        Optional<IntegrationToken> token = tokens.find(tokenId);
        boolean secretMatches = tokens.secretHash(tokenId).map(stored -> MessageDigest.isEqual(
                stored.getBytes(StandardCharsets.US_ASCII), hash(m.group(2)).getBytes(StandardCharsets.US_ASCII)))
                .orElse(false);
        if (token.isEmpty() || !secretMatches) {
            return refused(tokenId, "unknown token", what, from);
        }
        if (token.get().revoked()) {
            return refused(tokenId, "revoked token", what, from);
        }
        tokens.used(tokenId, clock.instant());
        audit.record(ACTOR + ":" + token.get().integration(), "api.use", tokenId, what + " from " + from);
        return Optional.of(token.get().integration());
    }

    /** Records that {@code integration} opened the conversation, under its own name for the customer. */
    public void opened(String integration, long conversationId, String customerReference) {
        tokens.opened(conversationId, integration, customerReference, clock.instant());
    }

    public boolean mayReach(String integration, long conversationId) {
        return tokens.openedBy(conversationId).map(integration::equals).orElse(false);
    }

    private Optional<String> refused(String tokenId, String why, String what, String from) {
        audit.record(ACTOR, "api.refused", tokenId, why + ": " + what + " from " + from);
        return Optional.empty();
    }

    private byte[] bytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    private static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java has SHA-256", e);
        }
    }
}
