package app.tandem.store;

import app.tandem.office.SharedSetting;
import app.tandem.office.SharedSettingStamps;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.Map;
import javax.sql.DataSource;

public final class JdbcSharedSettingStamps implements SharedSettingStamps {

    private final Jdbc jdbc;

    public JdbcSharedSettingStamps(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    @Override
    public Map<SharedSetting, Long> read() {
        Map<SharedSetting, Long> stamps = new EnumMap<>(SharedSetting.class);
        jdbc.query("SELECT area, version FROM office_stamp", rs -> stamps.put(SharedSetting.valueOf(rs.getString(1)), rs.getLong(2)));
        return stamps;
    }

    /** Raises {@code setting}'s counter inside the transaction that changes it, so a seat sees the change once it is committed. */
    static void raise(Connection c, SharedSetting setting) throws SQLException {
        Jdbc.update(c, "UPDATE office_stamp SET version = version + 1 WHERE area = ?", setting);
    }
}
