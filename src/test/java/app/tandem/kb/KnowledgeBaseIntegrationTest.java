package app.tandem.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.tandem.security.AuditLog;
import app.tandem.store.Database;
import app.tandem.store.JdbcArticleRepository;
import app.tandem.store.JdbcAuditLog;
import app.tandem.work.Progress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The knowledge base over a real H2 file and a real Lucene index in a temporary folder. */
class KnowledgeBaseIntegrationTest {

    @TempDir
    Path folder;
    private Database db;
    private KbIndex index;
    private KnowledgeBase kb;
    private AuditLog audit;

    @BeforeEach
    void seed() {
        open();
        kb.seedIfEmpty(KbFolder.readBundled(Instant.now()));
        assertEquals(IndexCheck.Why.NO_CHANGE_MARK, kb.reconcileIndex(Progress.NONE).why().orElseThrow());
        assertEquals(IndexCheck.Outcome.UP_TO_DATE, kb.reconcileIndex(Progress.NONE).outcome());
    }

    private void open() {
        db = Database.open(folder);
        index = KbIndex.open(folder.resolve("index"));
        audit = new JdbcAuditLog(db.dataSource(), Clock.systemUTC());
        kb = new KnowledgeBase(new JdbcArticleRepository(db.dataSource(), Clock.systemUTC()), index, audit);
    }

    @AfterEach
    void close() {
        index.close();
        db.close();
    }

    @Test
    void findsTheRightArticleInEachLanguage() {
        List<ArticleHit> en = kb.search("It's been two weeks and my new card still hasn't arrived", SearchFilter.publishedOnly(), 3);
        assertEquals("card-delivery-en", en.get(0).articleId());
        assertTrue(en.get(0).snippet().runs().stream().anyMatch(Snippet.Run::matched), "matched words are highlighted");

        List<ArticleHit> zh = kb.search("新卡多久才能寄到", SearchFilter.publishedOnly().inLanguage("zh"), 3);
        assertEquals("card-delivery-zh", zh.get(0).articleId());
    }

    @Test
    void queryContainingLuceneSyntaxIsJustText() {
        for (String q : List.of("AND ( * \" ~", "card AND OR NOT", "\"unclosed", "title:fee^3 ~2", "*", "((((", "\\")) {
            kb.search(q, SearchFilter.publishedOnly(), 5);
        }
        assertFalse(kb.search("card ( declined * \" AND", SearchFilter.publishedOnly(), 5).isEmpty());
    }

    @Test
    void veryLongMessageIsCutForTheQuery() {
        String longText = "My card was declined at the shop. ".repeat(3000);
        assertFalse(kb.search(longText, SearchFilter.publishedOnly(), 5).isEmpty());
        assertTrue(kb.search("", SearchFilter.publishedOnly(), 5).isEmpty());
        assertTrue(kb.search("!!! ???", SearchFilter.publishedOnly(), 5).isEmpty());
    }

    @Test
    void savedEditIsSearchableAtOnceAndVersioned() {
        Article original = kb.find("card-delivery-en").orElseThrow();
        Article edited = original.withContent(original.title(),
                original.body() + "\n\nCourier partner Zephyrline delivers cards in Guernsey.", original.tags(), original.status());
        Article saved = kb.save(edited, original.version(), "sam");
        assertEquals(original.version() + 1, saved.version());
        List<ArticleHit> hits = kb.search("Zephyrline Guernsey", SearchFilter.publishedOnly(), 3);
        assertEquals("card-delivery-en", hits.get(0).articleId());
        assertEquals(saved.version(), hits.get(0).version());
        assertEquals("kb.publish", audit.latest(1).get(0).action());
    }

    @Test
    void conflictingEditIsRefusedAndLosesNothing() {
        Article original = kb.find("pin-blocked-en").orElseThrow();
        kb.save(original.withContent("First editor", original.body(), original.tags(), original.status()), original.version(), "a");
        StaleArticleException e = assertThrows(StaleArticleException.class,
                () -> kb.save(original.withContent("Second editor", original.body(), original.tags(), original.status()),
                        original.version(), "b"));
        assertTrue(e.getMessage().contains("changed by someone else"));
        assertEquals("First editor", kb.find("pin-blocked-en").orElseThrow().title());
    }

    @Test
    void draftsAreHiddenFromAgents() {
        Article original = kb.find("card-delivery-en").orElseThrow();
        kb.save(original.withContent(original.title(), original.body(), original.tags(), ArticleStatus.DRAFT), original.version(), "s");
        assertTrue(kb.search("card arrive delivery", SearchFilter.publishedOnly(), 10).stream()
                .noneMatch(h -> h.articleId().equals("card-delivery-en")));
        assertTrue(kb.search("card arrive delivery", SearchFilter.everything(), 10).stream()
                .anyMatch(h -> h.articleId().equals("card-delivery-en")));
    }

    @Test
    void corruptIndexIsDetectedAndRebuiltFromTheDatabase() throws IOException {
        close();
        try (Stream<Path> files = Files.list(folder.resolve("index"))) {
            for (Path f : files.toList()) {
                if (f.getFileName().toString().startsWith("segments")) {
                    Files.write(f, new byte[] {1, 2, 3});
                }
            }
        }
        open();
        assertEquals(IndexCheck.Why.NO_CHANGE_MARK, kb.reconcileIndex(Progress.NONE).why().orElseThrow());
        assertEquals("card-delivery-en", kb.search("my new card has not arrived yet", SearchFilter.publishedOnly(), 1).get(0).articleId());
    }

    @Test
    void deletedIndexIsRebuilt() throws IOException {
        close();
        try (Stream<Path> files = Files.walk(folder.resolve("index"))) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        open();
        assertTrue(kb.reconcileIndex(Progress.NONE).rebuilt());
        assertEquals(kb.count(), index.indexedVersions().size());
    }
}
