package app.tandem.store;

import app.tandem.nlp.intent.IntentModelReleases;
import app.tandem.office.SharedSetting;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import javax.sql.DataSource;

/** Intent model releases in the office database, each zip in parts of {@value #PART} bytes (V27). */
public final class JdbcIntentModelReleases implements IntentModelReleases {

    static final int PART = 1 << 20;

    private final Jdbc jdbc;

    public JdbcIntentModelReleases(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    @Override
    public Optional<Release> current() {
        return jdbc.queryOne("SELECT * FROM intent_model_release ORDER BY seq DESC LIMIT 1", JdbcIntentModelReleases::release);
    }

    @Override
    public long release(String version, Map<String, String> report, InputStream zip, String by, Instant at) {
        return jdbc.inTransaction("release the intent model to the office", c -> {
            long seq = Jdbc.insertNumbered(c, "seq", "INSERT INTO intent_model_release (version, report, size_bytes, released_at, "
                    + "released_by) VALUES (?, ?, 0, ?, ?)", version, text(report), at.truncatedTo(ChronoUnit.MICROS), by);
            long size = 0;
            int part = 0;
            byte[] buffer = new byte[PART];
            for (int n = readFully(zip, buffer); n > 0; n = readFully(zip, buffer)) {
                byte[] bytes = n == PART ? buffer : java.util.Arrays.copyOf(buffer, n);
                Jdbc.update(c, "INSERT INTO intent_model_part (release_seq, part, bytes) VALUES (?, ?, ?)", seq, part++, bytes);
                size += n;
            }
            Jdbc.update(c, "UPDATE intent_model_release SET size_bytes = ? WHERE seq = ?", size, seq);
            JdbcSharedSettingStamps.raise(c, SharedSetting.INTENT_MODEL);
            return seq;
        });
    }

    @Override
    public void read(long seq, OutputStream out) {
        jdbc.inConnection("read the office's intent model", c -> {
            long written = 0;
            // One part at a time, so a 100 MB model never sits in memory whole.
            for (int part = 0; ; part++) {
                var bytes = Jdbc.query(c, "SELECT bytes FROM intent_model_part WHERE release_seq = ? AND part = ?",
                        rs -> rs.getBytes(1), seq, part);
                if (bytes.isEmpty()) {
                    break;
                }
                try {
                    out.write(bytes.get(0));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                written += bytes.get(0).length;
            }
            long expected = Jdbc.query(c, "SELECT size_bytes FROM intent_model_release WHERE seq = ?", rs -> rs.getLong(1), seq)
                    .stream().findFirst().orElse(-1L);
            if (written != expected) {
                throw new SQLException("intent model release " + seq + " has " + written + " of its " + expected + " bytes");
            }
            return null;
        });
    }

    private static int readFully(InputStream in, byte[] buffer) throws SQLException {
        try {
            return in.readNBytes(buffer, 0, buffer.length);
        } catch (IOException e) {
            throw new SQLException("cannot read the intent model to release: " + e.getMessage(), e);
        }
    }

    private static Release release(ResultSet rs) throws SQLException {
        Properties p = new Properties();
        try {
            p.load(new StringReader(rs.getString("report")));
        } catch (IOException e) {
            throw new SQLException(e);
        }
        Map<String, String> report = new LinkedHashMap<>();
        new TreeMap<>(p).forEach((k, v) -> report.put(k.toString(), v.toString()));
        return new Release(rs.getLong("seq"), rs.getString("version"), report, rs.getLong("size_bytes"),
                Jdbc.instant(rs, "released_at"), rs.getString("released_by"));
    }

    private static String text(Map<String, String> report) {
        Properties p = new Properties();
        p.putAll(report);
        StringWriter w = new StringWriter();
        try {
            p.store(w, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }
}
