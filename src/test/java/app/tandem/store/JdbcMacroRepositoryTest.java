package app.tandem.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.tandem.assist.Macro;
import app.tandem.assist.StarterMacros;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Macros keep the intents they answer through H2, and starter macros stored before V22 get theirs. */
class JdbcMacroRepositoryTest {

    @Test
    void intentsSurviveInsertUpdateAndLoad(@TempDir Path dir) {
        try (Database db = Database.open(dir)) {
            JdbcMacroRepository macros = new JdbcMacroRepository(db.dataSource());
            Macro saved = macros.save(new Macro(0, "en", "Card on its way", "Your card arrives within 5 days.",
                    List.of("where is my card"), List.of("card_arrival", "card_delivery_estimate"), true));
            assertEquals(List.of("card_arrival", "card_delivery_estimate"), macros.find(saved.id()).orElseThrow().intents());

            macros.save(new Macro(saved.id(), "en", "Card on its way", "Your card arrives within 5 days.",
                    List.of("where is my card"), List.of("Refund_not_showing_up"), false));
            assertEquals(List.of("Refund_not_showing_up"), macros.find(saved.id()).orElseThrow().intents());

            Macro greeting = macros.save(new Macro(0, "en", "Greeting", "Hello!", List.of("hi"), List.of(), true));
            assertEquals(List.of(), macros.find(greeting.id()).orElseThrow().intents());
        }
    }

    @Test
    void startersStoredBeforeTheIntentsColumnGetTheIntentsNewFoldersSeed(@TempDir Path dir) throws Exception {
        String url = "jdbc:h2:file:" + dir.toAbsolutePath().resolve("tandem") + ";DB_CLOSE_ON_EXIT=FALSE";
        JdbcConnectionPool pool = JdbcConnectionPool.create(url, "tandem", "");
        try {
            Flyway.configure().dataSource(pool).locations("classpath:db/migration").target("21").load().migrate();
            try (Connection c = pool.getConnection();
                 PreparedStatement insert = c.prepareStatement("INSERT INTO macros (language, title, body) VALUES (?, ?, ?)")) {
                for (Macro m : StarterMacros.bundled()) {
                    insert.setString(1, m.language());
                    insert.setString(2, m.title());
                    insert.setString(3, m.body());
                    insert.executeUpdate();
                }
                insert.setString(1, "en");
                insert.setString(2, "My own lost card text");
                insert.setString(3, "Frozen.");
                insert.executeUpdate();
            }
        } finally {
            pool.dispose();
        }
        try (Database db = Database.open(dir)) {
            List<Macro> all = new JdbcMacroRepository(db.dataSource()).all();
            for (Macro starter : StarterMacros.bundled()) {
                assertEquals(starter.intents(), intentsOf(all, starter.title()), starter.title());
            }
            assertEquals(List.of(), intentsOf(all, "My own lost card text"), "a supervisor's own macro is left for them");
        }
    }

    private static List<String> intentsOf(List<Macro> all, String title) {
        return all.stream().filter(m -> m.title().equals(title)).findFirst().orElseThrow().intents();
    }
}
