package app.tandem.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.tandem.assist.Macro;
import app.tandem.assist.StarterMacros;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Macros keep the intents they answer and the moment they may be offered through H2, and starter macros stored
 * before V22 and V23 get theirs.
 */
class JdbcMacroRepositoryTest {

    @Test
    void intentsSurviveInsertUpdateAndLoad(@TempDir Path dir) {
        try (Database db = Database.open(dir)) {
            JdbcMacroRepository macros = new JdbcMacroRepository(db.dataSource());
            Macro saved = macros.save(new Macro(0, "en", "Card on its way", "Your card arrives within 5 days.",
                    List.of("where is my card"), List.of("card_arrival", "card_delivery_estimate"), Macro.Moment.ANY_TIME, true));
            assertEquals(List.of("card_arrival", "card_delivery_estimate"), macros.find(saved.id()).orElseThrow().intents());

            macros.save(new Macro(saved.id(), "en", "Card on its way", "Your card arrives within 5 days.",
                    List.of("where is my card"), List.of("Refund_not_showing_up"), Macro.Moment.ANY_TIME, false));
            assertEquals(List.of("Refund_not_showing_up"), macros.find(saved.id()).orElseThrow().intents());

            Macro greeting = macros.save(new Macro(0, "en", "Greeting", "Hello!", List.of("hi"), List.of(), Macro.Moment.OPENING, true));
            assertEquals(List.of(), macros.find(greeting.id()).orElseThrow().intents());
        }
    }

    @Test
    void momentSurvivesInsertUpdateAndLoad(@TempDir Path dir) {
        try (Database db = Database.open(dir)) {
            JdbcMacroRepository macros = new JdbcMacroRepository(db.dataSource());
            Macro saved = macros.save(new Macro(0, "zh", "结束语", "请问还有其他可以帮您的吗？", List.of("谢谢"), List.of(),
                    Macro.Moment.CLOSING, true));
            assertEquals(Macro.Moment.CLOSING, macros.find(saved.id()).orElseThrow().moment());

            macros.save(new Macro(saved.id(), "zh", "结束语", "请问还有其他可以帮您的吗？", List.of("谢谢"), List.of(),
                    Macro.Moment.OPENING, true));
            assertEquals(Macro.Moment.OPENING, macros.find(saved.id()).orElseThrow().moment());
            macros.save(macros.find(saved.id()).orElseThrow().withEnabled(false));
            assertEquals(Macro.Moment.OPENING, macros.find(saved.id()).orElseThrow().moment(), "switching off keeps it");

            macros.save(new Macro(saved.id(), "zh", "结束语", "请问还有其他可以帮您的吗？", List.of("谢谢"), List.of(),
                    Macro.Moment.ANY_TIME, true));
            assertEquals(Macro.Moment.ANY_TIME, macros.all().stream().filter(m -> m.id() == saved.id()).findFirst()
                    .orElseThrow().moment());
        }
    }

    /**
     * A data folder migrated only to {@code version}, holding the starter macros (language, title, body: what
     * that schema had) and {@code own} macros a supervisor wrote, as {language, title, body}.
     */
    private static void storeStartersAtVersion(Path dir, String version, String[]... own) throws Exception {
        String url = Database.url(dir) + ";DB_CLOSE_ON_EXIT=FALSE";
        JdbcConnectionPool pool = JdbcConnectionPool.create(url, "tandem", "");
        try {
            Flyway.configure().dataSource(pool).locations(Database.migrations(Database.Engine.H2)).target(version).load().migrate();
            List<String[]> macros = new ArrayList<>();
            StarterMacros.bundled().forEach(m -> macros.add(new String[] {m.language(), m.title(), m.body()}));
            macros.addAll(List.of(own));
            try (Connection c = pool.getConnection();
                 PreparedStatement insert = c.prepareStatement("INSERT INTO macros (language, title, body) VALUES (?, ?, ?)")) {
                for (String[] m : macros) {
                    insert.setString(1, m[0]);
                    insert.setString(2, m[1]);
                    insert.setString(3, m[2]);
                    insert.executeUpdate();
                }
            }
        } finally {
            pool.dispose();
        }
    }

    @Test
    void startersStoredBeforeTheIntentsColumnGetTheIntentsNewFoldersSeed(@TempDir Path dir) throws Exception {
        storeStartersAtVersion(dir, "21", new String[] {"en", "My own lost card text", "Frozen."});
        try (Database db = Database.open(dir)) {
            List<Macro> all = new JdbcMacroRepository(db.dataSource()).all();
            for (Macro starter : StarterMacros.bundled()) {
                assertEquals(starter.intents(), intentsOf(all, starter.title()), starter.title());
            }
            assertEquals(List.of(), intentsOf(all, "My own lost card text"), "a supervisor's own macro is left for them");
        }
    }

    @Test
    void startersStoredBeforeTheMomentColumnGetTheMomentsNewFoldersSeed(@TempDir Path dir) throws Exception {
        storeStartersAtVersion(dir, "22", new String[] {"en", "Good morning", "Good morning, how can I help?"},
                // A Chinese macro titled like the English greeting: the back-fill matches language and title.
                new String[] {"zh", "Greeting", "您好！"});
        try (Database db = Database.open(dir)) {
            List<Macro> all = new JdbcMacroRepository(db.dataSource()).all();
            for (Macro starter : StarterMacros.bundled()) {
                assertEquals(starter.moment(), momentOf(all, starter.language(), starter.title()), starter.title());
            }
            assertEquals(Macro.Moment.OPENING, momentOf(all, "en", "Greeting"));
            assertEquals(Macro.Moment.CLOSING, momentOf(all, "zh", "结束语"));
            assertEquals(Macro.Moment.ANY_TIME, momentOf(all, "en", "Good morning"), "a supervisor's own macro is left for them");
            assertEquals(Macro.Moment.ANY_TIME, momentOf(all, "zh", "Greeting"));
        }
    }

    private static Macro.Moment momentOf(List<Macro> all, String language, String title) {
        return all.stream().filter(m -> m.language().equals(language) && m.title().equals(title)).findFirst().orElseThrow().moment();
    }

    private static List<String> intentsOf(List<Macro> all, String title) {
        return all.stream().filter(m -> m.title().equals(title)).findFirst().orElseThrow().intents();
    }
}
