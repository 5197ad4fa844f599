package app.tandem.store;

import app.tandem.security.AuditLog;
import java.time.Clock;
import java.util.List;
import javax.sql.DataSource;

public final class JdbcAuditLog implements AuditLog {

    private final Jdbc jdbc;
    private final Clock clock;

    public JdbcAuditLog(DataSource dataSource, Clock clock) {
        this.jdbc = new Jdbc(dataSource);
        this.clock = clock;
    }

    @Override
    public void record(String actor, String action, String target, String detail) {
        jdbc.update("INSERT INTO audit_log (at, actor, action, target, detail) VALUES (?, ?, ?, ?, ?)",
                clock.instant(), actor, action, target, detail == null ? "" : detail);
    }

    @Override
    public List<Entry> latest(int limit) {
        return jdbc.query("SELECT at, actor, action, target, detail FROM audit_log ORDER BY id DESC LIMIT ?",
                rs -> new Entry(Jdbc.instant(rs, "at"), rs.getString("actor"), rs.getString("action"),
                        rs.getString("target"), rs.getString("detail")), limit);
    }
}
