package app.tandem.store;

import app.tandem.office.Colleague;
import app.tandem.office.Presence;
import app.tandem.office.PresenceRepository;
import app.tandem.security.Role;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

public final class JdbcPresenceRepository implements PresenceRepository {

    private final Jdbc jdbc;

    public JdbcPresenceRepository(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    @Override
    public void beat(String username, Presence presence, String seat, Instant at) {
        jdbc.inTransaction("say who is at this seat", c -> {
            Jdbc.upsert(c, "presence", List.of("username"), List.of("state", "seat", "seen_at"),
                    username, presence, seat, at.truncatedTo(ChronoUnit.MICROS));
            return null;
        });
    }

    @Override
    public void leave(String username, String seat) {
        jdbc.update("DELETE FROM presence WHERE username = ? AND seat = ?", username, seat);
    }

    @Override
    public List<Colleague> colleagues(Instant freshSince) {
        return jdbc.query("""
                SELECT u.username, u.display_name, u.role, p.state, p.seen_at
                  FROM users u LEFT JOIN presence p ON p.username = u.username AND p.seen_at >= ?
                 ORDER BY u.display_name, u.username
                """, rs -> new Colleague(rs.getString("username"), rs.getString("display_name"), Role.valueOf(rs.getString("role")),
                Optional.ofNullable(rs.getString("state")).map(Presence::valueOf), Optional.ofNullable(Jdbc.instant(rs, "seen_at"))),
                freshSince);
    }
}
