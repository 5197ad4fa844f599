package app.tandem.kb;

import static app.tandem.kb.KbFixture.SUPERVISOR;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.tandem.store.JdbcArticleRepository;
import app.tandem.work.Progress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 16 through the knowledge base itself: the editor's save, the index rebuild at start, a long turn's search. */
class DeepArticleIntegrationTest {

    @TempDir
    Path tmp;

    @Test
    void theEditorRefusesADeepArticleAndSavesNothing() {
        try (KbFixture f = new KbFixture(tmp.resolve("data"), false)) {
            for (String body : DeepMarkdownTest.DEEP_BODIES) {
                Article deep = new Article("deep-en", "Deep", "en", ArticleStatus.DRAFT, List.of(), List.of(),
                        Optional.empty(), body, 0, Instant.EPOCH, "sue");
                ArticleFormatException e = assertThrows(ArticleFormatException.class, () -> f.curation.save(SUPERVISOR, deep, 0));
                assertEquals(ArticleProblem.Kind.TOO_DEEP, e.problem().kind());
                assertEquals("deep-en", e.problem().arg(0));
                assertEquals("1", e.problem().arg(1));
                assertEquals(0, f.kb.count(), "nothing saved");
            }
        }
    }

    @Test
    void theEditorRefusesAFieldLongerThanItsColumnAndSavesNothing() {
        try (KbFixture f = new KbFixture(tmp.resolve("data"), false)) {
            Article longTitle = new Article("hours-en", "Opening hours ".repeat(37), "en", ArticleStatus.DRAFT, List.of(),
                    List.of(), Optional.empty(), "We open at nine.", 0, Instant.EPOCH, "sue");
            ArticleFormatException e = assertThrows(ArticleFormatException.class, () -> f.curation.save(SUPERVISOR, longTitle, 0));
            assertEquals(ArticleProblem.of(ArticleProblem.Kind.FIELD_TOO_LONG, "hours-en", "title", 518, 512), e.problem());
            assertEquals(0, f.kb.count(), "nothing saved");
            Article fits = new Article("hours-en", "Opening hours ".repeat(36), "en", ArticleStatus.DRAFT, List.of(),
                    List.of(), Optional.empty(), "We open at nine.", 0, Instant.EPOCH, "sue");
            assertEquals(1, f.curation.save(SUPERVISOR, fits, 0).version());
            Article huge = new Article("hours-en", "Opening hours", "en", ArticleStatus.DRAFT, List.of(), List.of(),
                    Optional.empty(), "We open at nine. ".repeat(60_000), 1, Instant.EPOCH, "sue");
            assertEquals(ArticleProblem.Kind.BODY_TOO_LARGE,
                    assertThrows(ArticleFormatException.class, () -> f.curation.save(SUPERVISOR, huge, 1)).problem().kind());
            assertEquals(1, f.kb.find("hours-en").orElseThrow().version(), "nothing saved");
        }
    }

    @Test
    void aDeepArticleStoredByAnOlderVersionIsIndexedAsTextAtStart() {
        try (KbFixture f = new KbFixture(tmp.resolve("data"), false)) {
            // An older Tandem let these in: written straight to the database, past today's door.
            JdbcArticleRepository repository = new JdbcArticleRepository(f.db.dataSource(), Clock.systemUTC());
            for (int i = 0; i < DeepMarkdownTest.DEEP_BODIES.size(); i++) {
                repository.insertAll(List.of(DeepMarkdownTest.article("deep-" + i + "-en", DeepMarkdownTest.DEEP_BODIES.get(i))), "old");
            }
            assertTrue(f.kb.reconcileIndex(Progress.NONE).unindexed().isEmpty());
            assertEquals(IndexCheck.Outcome.UP_TO_DATE, f.kb.reconcileIndex(Progress.NONE).outcome());
            List<String> found = f.kb.search("deepword", SearchFilter.publishedOnly(), 5).stream().map(ArticleHit::articleId)
                    .sorted().toList();
            assertEquals(List.of("deep-0-en", "deep-1-en", "deep-2-en"), found);
        }
    }

    @Test
    void anArticleWithAStatusThisTandemDoesNotKnowIsReadAsADraft() throws Exception {
        try (KbFixture f = new KbFixture(tmp.resolve("data"), false)) {
            f.kb.save(new Article("hours-en", "Opening hours", "en", ArticleStatus.PUBLISHED, List.of(), List.of(),
                    Optional.empty(), "We open at nine.", 0, Instant.EPOCH, "sue"), 0, "sue");
            // As a newer Tandem, or a hand in the database, might leave it.
            try (var c = f.db.dataSource().getConnection(); var s = c.createStatement()) {
                s.executeUpdate("UPDATE articles SET status = 'RETIRED_LATER' WHERE id = 'hours-en'");
            }
            assertEquals(ArticleStatus.DRAFT, f.kb.find("hours-en").orElseThrow().status());
            assertEquals(1, f.kb.all().size(), "the other articles are read as before");
        }
    }

    @Test
    void aLongChineseTurnIsSearchedByItsMostInformativeTerms() {
        try (KbFixture f = new KbFixture(tmp.resolve("data"), false)) {
            f.kb.save(new Article("freeze-card-zh", "如何冻结银行卡", "zh", ArticleStatus.PUBLISHED, List.of(), List.of(),
                    Optional.empty(), "在应用里打开卡片页面，点击冻结。冻结后可以随时解冻。", 0, Instant.EPOCH, "sue"), 0, "sue");
            f.kb.save(new Article("card-arrival-zh", "我的卡什么时候到", "zh", ArticleStatus.PUBLISHED, List.of(), List.of(),
                    Optional.empty(), "新卡通常在五个工作日内寄到。", 0, Instant.EPOCH, "sue"), 0, "sue");
            String turn = "我想冻结银行卡" + distinctHan(400) + "请帮我冻结银行卡";
            assertTrue(turn.codePoints().distinct().count() >= 400);
            List<ArticleHit> hits = f.kb.search(turn, SearchFilter.publishedOnly(), 3);
            assertFalse(hits.isEmpty(), "the long turn gets suggestions");
            assertEquals("freeze-card-zh", hits.get(0).articleId());
        }
    }

    /** {@code n} distinct common ideographs, none of them the words of the articles above. */
    private static String distinctHan(int n) {
        String avoid = "如何冻结银行卡我的什么时候到在应用里打开片页面点击后可以随解新通常五个工作日内寄想请帮";
        return java.util.stream.IntStream.range(0x4E00, 0x9FA5)
                .filter(c -> avoid.indexOf(c) < 0)
                .filter(c -> Character.isIdeographic(c))
                .limit(n)
                .mapToObj(Character::toString)
                .collect(Collectors.joining());
    }
}
