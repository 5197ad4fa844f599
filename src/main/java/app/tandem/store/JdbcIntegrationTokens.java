package app.tandem.store;

import app.tandem.security.IntegrationToken;
import app.tandem.security.IntegrationTokenRepository;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** Integration tokens (V29): the hash of each secret, never the secret, and the conversations each integration opened. */
public final class JdbcIntegrationTokens implements IntegrationTokenRepository {

    private final Jdbc jdbc;

    public JdbcIntegrationTokens(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    @Override
    public void create(String tokenId, String integration, String secretHash, String createdBy, Instant at) {
        jdbc.update("INSERT INTO integration_token (token_id, integration, secret_hash, created_by, created_at) "
                + "VALUES (?, ?, ?, ?, ?)", tokenId, integration, secretHash, createdBy, micros(at));
    }

    @Override
    public List<IntegrationToken> all() {
        return jdbc.query("SELECT * FROM integration_token ORDER BY id", JdbcIntegrationTokens::token);
    }

    @Override
    public Optional<IntegrationToken> find(String tokenId) {
        return jdbc.queryOne("SELECT * FROM integration_token WHERE token_id = ?", JdbcIntegrationTokens::token, tokenId);
    }

    @Override
    public Optional<String> secretHash(String tokenId) {
        return jdbc.queryOne("SELECT secret_hash FROM integration_token WHERE token_id = ?", rs -> rs.getString(1), tokenId);
    }

    @Override
    public boolean revoke(String tokenId, String by, Instant at) {
        return jdbc.update("UPDATE integration_token SET revoked_by = ?, revoked_at = ? WHERE token_id = ? AND revoked_at IS NULL",
                by, micros(at), tokenId) == 1;
    }

    @Override
    public void used(String tokenId, Instant at) {
        jdbc.update("UPDATE integration_token SET last_used_at = ? WHERE token_id = ?", micros(at), tokenId);
    }

    @Override
    public void opened(long conversationId, String integration, String customerReference, Instant at) {
        jdbc.update("INSERT INTO integration_conversation (conversation_id, integration, customer_reference, opened_at) "
                + "VALUES (?, ?, ?, ?)", conversationId, integration, customerReference, micros(at));
    }

    @Override
    public Optional<String> openedBy(long conversationId) {
        return jdbc.queryOne("SELECT integration FROM integration_conversation WHERE conversation_id = ?",
                rs -> rs.getString(1), conversationId);
    }

    private static IntegrationToken token(ResultSet rs) throws SQLException {
        return new IntegrationToken(rs.getString("token_id"), rs.getString("integration"), rs.getString("created_by"),
                Jdbc.instant(rs, "created_at"), Optional.ofNullable(rs.getString("revoked_by")),
                Optional.ofNullable(Jdbc.instant(rs, "revoked_at")), Optional.ofNullable(Jdbc.instant(rs, "last_used_at")));
    }

    /** PostgreSQL keeps microseconds; cut here, so both engines give back the same instant. */
    private static Instant micros(Instant at) {
        return at.truncatedTo(ChronoUnit.MICROS);
    }
}
