package app.tandem.store;

import app.tandem.security.Role;
import app.tandem.security.User;
import app.tandem.security.UserRepository;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

public final class JdbcUserRepository implements UserRepository {

    private static final String COLUMNS = "id, username, display_name, role, failed_attempts, locked_until";
    private final Jdbc jdbc;
    private final Clock clock;

    public JdbcUserRepository(DataSource dataSource, Clock clock) {
        this.jdbc = new Jdbc(dataSource);
        this.clock = clock;
    }

    @Override
    public boolean isEmpty() {
        return jdbc.queryOne("SELECT COUNT(*) FROM users", rs -> rs.getLong(1)).orElse(0L) == 0;
    }

    @Override
    public User create(String username, String displayName, Role role, String passwordHash) {
        long id = jdbc.insert("INSERT INTO users (username, display_name, role, password_hash, created_at) VALUES (?, ?, ?, ?, ?)",
                username, displayName, role, passwordHash, clock.instant());
        return new User(id, username, displayName, role, 0, Optional.empty());
    }

    @Override
    public Optional<User> find(String username) {
        return jdbc.queryOne("SELECT " + COLUMNS + " FROM users WHERE username = ?", JdbcUserRepository::user, username);
    }

    @Override
    public Optional<String> passwordHash(String username) {
        return jdbc.queryOne("SELECT password_hash FROM users WHERE username = ?", rs -> rs.getString(1), username);
    }

    @Override
    public void recordFailure(String username, int failedAttempts, Instant lockedUntil) {
        jdbc.update("UPDATE users SET failed_attempts = ?, locked_until = ? WHERE username = ?", failedAttempts, lockedUntil, username);
    }

    @Override
    public void recordSuccess(String username) {
        jdbc.update("UPDATE users SET failed_attempts = 0, locked_until = NULL WHERE username = ?", username);
    }

    @Override
    public List<User> all() {
        return jdbc.query("SELECT " + COLUMNS + " FROM users ORDER BY username", JdbcUserRepository::user);
    }

    private static User user(ResultSet rs) throws SQLException {
        return new User(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
                Role.valueOf(rs.getString("role")), rs.getInt("failed_attempts"),
                Optional.ofNullable(Jdbc.instant(rs, "locked_until")));
    }
}
