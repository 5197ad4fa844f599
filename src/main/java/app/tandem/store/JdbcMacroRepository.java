package app.tandem.store;

import app.tandem.assist.Macro;
import app.tandem.assist.MacroRepository;
import app.tandem.office.SharedSetting;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

public final class JdbcMacroRepository implements MacroRepository {

    private final Jdbc jdbc;

    public JdbcMacroRepository(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    @Override
    public List<Macro> all() {
        return jdbc.query("SELECT * FROM macros ORDER BY language, id", JdbcMacroRepository::map);
    }

    @Override
    public Optional<Macro> find(long id) {
        return jdbc.queryOne("SELECT * FROM macros WHERE id = ?", JdbcMacroRepository::map, id);
    }

    @Override
    public Macro save(Macro m) {
        String triggers = String.join("\n", m.triggers());
        String intents = String.join(",", m.intents());
        return jdbc.inTransaction("save the macro", c -> {
            JdbcSharedSettingStamps.raise(c, SharedSetting.MACROS);
            if (m.id() == 0) {
                long id = Jdbc.insert(c, "INSERT INTO macros (language, title, body, triggers, intents, moment, enabled) VALUES (?, ?, ?, ?, ?, ?, ?)",
                        m.language(), m.title(), m.body(), triggers, intents, m.moment().name(), m.enabled());
                return m.withId(id);
            }
            int rows = Jdbc.update(c, "UPDATE macros SET language = ?, title = ?, body = ?, triggers = ?, intents = ?, moment = ?, enabled = ? WHERE id = ?",
                    m.language(), m.title(), m.body(), triggers, intents, m.moment().name(), m.enabled(), m.id());
            if (rows == 0) {
                throw new StoreException("Macro " + m.id() + " no longer exists.", null);
            }
            return m;
        });
    }

    @Override
    public void delete(long id) {
        jdbc.inTransaction("delete the macro", c -> {
            JdbcSharedSettingStamps.raise(c, SharedSetting.MACROS);
            return Jdbc.update(c, "DELETE FROM macros WHERE id = ?", id);
        });
    }

    @Override
    public long count() {
        return jdbc.queryOne("SELECT COUNT(*) FROM macros", rs -> rs.getLong(1)).orElse(0L);
    }

    private static Macro map(ResultSet rs) throws SQLException {
        return new Macro(rs.getLong("id"), rs.getString("language"), rs.getString("title"), rs.getString("body"),
                split(rs.getString("triggers"), "\n"), split(rs.getString("intents"), ","),
                Macro.Moment.valueOf(rs.getString("moment")), rs.getBoolean("enabled"));
    }

    private static List<String> split(String joined, String separator) {
        return joined.isBlank() ? List.of() : Arrays.stream(joined.split(separator)).map(String::strip).filter(t -> !t.isEmpty()).toList();
    }
}
