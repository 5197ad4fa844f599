package app.tandem.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.tandem.assist.Macro;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
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
    void startersStoredBeforeTheIntentsColumnGetTheirIntents(@TempDir Path dir) throws Exception {
        String url = "jdbc:h2:file:" + dir.toAbsolutePath().resolve("tandem") + ";DB_CLOSE_ON_EXIT=FALSE";
        JdbcConnectionPool pool = JdbcConnectionPool.create(url, "tandem", "");
        try {
            Flyway.configure().dataSource(pool).locations("classpath:db/migration").target("21").load().migrate();
            try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
                s.executeUpdate("INSERT INTO macros (language, title, body) VALUES ('zh', '补卡寄送', '新卡已寄出。')");
                s.executeUpdate("INSERT INTO macros (language, title, body) VALUES ('en', 'Greeting', 'Hello!')");
                s.executeUpdate("INSERT INTO macros (language, title, body) VALUES ('en', 'My own lost card text', 'Frozen.')");
            }
        } finally {
            pool.dispose();
        }
        try (Database db = Database.open(dir)) {
            List<Macro> all = new JdbcMacroRepository(db.dataSource()).all();
            assertEquals(List.of("card_arrival", "card_delivery_estimate"), intentsOf(all, "补卡寄送"));
            assertEquals(List.of(), intentsOf(all, "Greeting"));
            assertEquals(List.of(), intentsOf(all, "My own lost card text"), "a supervisor's own macro is left for them");
        }
    }

    private static List<String> intentsOf(List<Macro> all, String title) {
        return all.stream().filter(m -> m.title().equals(title)).findFirst().orElseThrow().intents();
    }
}
