package app.tandem.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.tandem.nlp.TextEncoder;
import app.tandem.store.JdbcArticleRepository;
import app.tandem.work.Progress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16: the index always agrees with the database. Each test leaves the two apart as a crash, a restored
 * database or an older Tandem would (writing through the repository only, past the knowledge base), then opens
 * the folder again as a start does and checks what reconcileIndex did and what search returns.
 */
class IndexReconcileTest {

    private static final String COURIER = "Courier partner Zephyrline delivers cards in Guernsey.";

    @TempDir
    Path tmp;

    @Test
    void aSaveWhoseIndexStepNeverHappenedIsCaughtUpAtTheNextStart() {
        Path data = tmp.resolve("data");
        int saved;
        try (KbFixture f = new KbFixture(data, true)) {
            // The database committed, then the process died before the index heard of it.
            saved = withCourier(repository(f), f.kb.find("card-delivery-en").orElseThrow()).version();
            assertTrue(search(f, "Zephyrline Guernsey").isEmpty(), "the index does not know the new version yet");
        }
        try (KbFixture f = new KbFixture(data, true)) {
            assertEquals(IndexCheck.Outcome.CAUGHT_UP, f.opened.outcome(), f.opened.english());
            assertEquals(1, f.opened.articles());
            assertEquals(f.kb.lastChange(), f.opened.change());
            List<ArticleHit> hits = search(f, "Zephyrline Guernsey");
            assertEquals("card-delivery-en", hits.get(0).articleId());
            assertEquals(saved, hits.get(0).version());
            assertEquals(saved, f.index.indexedVersions().get("card-delivery-en"));
        }
    }

    @Test
    void nothingChangedIsNoWork() {
        Path data = tmp.resolve("data");
        new KbFixture(data, true).close();
        try (KbFixture f = new KbFixture(data, true)) {
            assertEquals(IndexCheck.Outcome.UP_TO_DATE, f.opened.outcome(), f.opened.english());
            assertEquals(0, f.opened.articles());
            assertEquals(f.kb.lastChange(), f.opened.change());
            assertTrue(f.kb.lastChange() >= f.kb.count(), "seeding counted one change per article");
        }
    }

    @Test
    void anIndexAheadOfARestoredDatabaseIsRebuilt() throws IOException {
        Path data = tmp.resolve("data");
        new KbFixture(data, true).close();
        Path backup = Files.copy(data.resolve("tandem.mv.db"), tmp.resolve("backup.mv.db"));
        try (KbFixture f = new KbFixture(data, true)) {
            Article a = f.kb.find("card-delivery-en").orElseThrow();
            f.kb.save(a.withContent(a.title(), a.body() + "\n\n" + COURIER, a.tags(), a.status()), a.version(), "sue");
            assertFalse(search(f, "Zephyrline Guernsey").isEmpty());
        }
        Files.copy(backup, data.resolve("tandem.mv.db"), StandardCopyOption.REPLACE_EXISTING);
        try (KbFixture f = new KbFixture(data, true)) {
            assertEquals(Optional.of(IndexCheck.Why.AHEAD_OF_DATABASE), f.opened.why(), f.opened.english());
            assertTrue(search(f, "Zephyrline Guernsey").isEmpty(), "the restored database never had the courier");
            assertEquals(f.kb.find("card-delivery-en").orElseThrow().version(), f.index.indexedVersions().get("card-delivery-en"));
        }
    }

    @Test
    void anIndexWithoutAChangeMarkIsRebuilt() {
        Path data = tmp.resolve("data");
        try (KbFixture f = new KbFixture(data, true)) {
            // As an index written before changes were counted: same documents, no mark.
            f.index.rebuild(f.kb.all(), Map.of(), SemanticEncoders.none(), Progress.NONE);
            assertEquals(OptionalLong.empty(), f.index.reflectsChange());
        }
        try (KbFixture f = new KbFixture(data, true)) {
            assertEquals(Optional.of(IndexCheck.Why.NO_CHANGE_MARK), f.opened.why(), f.opened.english());
            assertEquals(OptionalLong.of(f.kb.lastChange()), f.index.reflectsChange());
        }
    }

    @Test
    void anIndexOverAnotherDatabaseFurtherOnIsRebuiltNotCaughtUp() throws IOException {
        Path ours = tmp.resolve("ours");
        Path theirs = tmp.resolve("theirs");
        try (KbFixture f = new KbFixture(ours, true)) {
            withCourierThroughTheKb(f, "pin-blocked-en");
        }
        try (KbFixture f = new KbFixture(theirs, true)) {
            withCourierThroughTheKb(f, "card-delivery-en");
            withCourierThroughTheKb(f, "card-delivery-zh");
        }
        // Their database is further on than our index's mark, but its changes up to the mark are other ones.
        Files.copy(theirs.resolve("tandem.mv.db"), ours.resolve("tandem.mv.db"), StandardCopyOption.REPLACE_EXISTING);
        try (KbFixture f = new KbFixture(ours, true)) {
            assertEquals(Optional.of(IndexCheck.Why.OUT_OF_STEP), f.opened.why(), f.opened.english());
            assertEquals(f.kb.find("pin-blocked-en").orElseThrow().version(), f.index.indexedVersions().get("pin-blocked-en"));
            assertEquals(f.kb.find("card-delivery-en").orElseThrow().version(),
                    f.index.indexedVersions().get("card-delivery-en"));
        }
    }

    @Test
    void aLearnedQuestionRemovedBehindTheIndexesBackLeavesSearchAtTheNextReconcile() {
        try (KbFixture f = new KbFixture(tmp.resolve("data"), true)) {
            AlternateQuestion q = f.kb.learnQuestion("card-delivery-en", "Has the wombat eaten my plastic", OptionalLong.empty(),
                    "alex").orElseThrow();
            assertEquals(Optional.of(q.text()), search(f, "wombat").get(0).matchedQuestion());
            repository(f).removeQuestion(q.id());
            assertFalse(search(f, "wombat").isEmpty(), "the index has not heard yet");

            IndexCheck check = f.kb.reconcileIndex(Progress.NONE);
            assertEquals(IndexCheck.Outcome.CAUGHT_UP, check.outcome(), check.english());
            assertTrue(search(f, "wombat").isEmpty());
            assertEquals(IndexCheck.Outcome.UP_TO_DATE, f.kb.reconcileIndex(Progress.NONE).outcome());
        }
    }

    /**
     * No article text was found that breaks the passage splitter or Lucene's analysers today (deep Markdown is
     * read as plain text, long runs are cut into terms), so the encoder is what fails here, on one article only.
     */
    @Test
    void anArticleItsEncoderFailsOnIsIndexedForKeywordsAndGetsItsVectorsLater() {
        try (KbFixture f = new KbFixture(tmp.resolve("data"), true)) {
            withCourierThroughTheKb(f, "card-delivery-en");
            TinyEncoder failing = new TinyEncoder("Zephyrline");
            assertTrue(f.kb.useEncoders(encoders(failing), Progress.NONE), "a vector space to build");
            assertEquals(Set.of("card-delivery-en"), f.index.withoutVectors());
            assertEquals("card-delivery-en", f.kb.search("Zephyrline Guernsey", SearchFilter.everything(), 1,
                    RetrievalMode.KEYWORDS).get(0).articleId());
            assertTrue(f.kb.hasVectors("en"), "the other articles have theirs");

            IndexCheck check = f.kb.reconcileIndex(Progress.NONE);
            assertEquals(IndexCheck.Outcome.CAUGHT_UP, check.outcome(), "retried in the same space");
            assertEquals(Set.of("card-delivery-en"), f.index.withoutVectors(), "still failing");

            assertFalse(f.kb.useEncoders(encoders(new TinyEncoder("")), Progress.NONE), "the same space: no rebuild");
            assertEquals(Set.of(), f.index.withoutVectors(), "the model works again: the vectors are in");
            assertTrue(f.index.unindexed().isEmpty());
        }
    }

    /**
     * At a start the models are still loading: an index with vectors is not rebuilt without them (it was, at
     * every start, before issue 16), and what is saved meanwhile gets its vectors once they are in use.
     */
    @Test
    void aStartBeforeTheModelsLoadKeepsTheVectorsAndSavesMeanwhileGetThemLater() {
        Path data = tmp.resolve("data");
        try (KbFixture f = new KbFixture(data, true)) {
            assertTrue(f.kb.useEncoders(encoders(new TinyEncoder("")), Progress.NONE));
        }
        try (KbFixture f = new KbFixture(data, true)) {
            assertEquals(IndexCheck.Outcome.UP_TO_DATE, f.opened.outcome(), f.opened.english());
            assertEquals("tiny@1", f.index.vectorSpace("en"));
            withCourierThroughTheKb(f, "card-delivery-en");
            assertEquals(Set.of("card-delivery-en"), f.index.withoutVectors());

            assertFalse(f.kb.useEncoders(encoders(new TinyEncoder("")), Progress.NONE), "the same space: no rebuild");
            assertEquals(Set.of(), f.index.withoutVectors(), "re-encoded with the encoders now in use");
        }
    }

    private static SemanticEncoders encoders(TextEncoder encoder) {
        return new SemanticEncoders(Map.of("en", encoder), Map.of("en", "tiny@1"));
    }

    /** Two dimensions from the text's hash; fails on texts containing {@code failOn} (none when empty). */
    private record TinyEncoder(String failOn) implements TextEncoder {
        @Override
        public String modelId() {
            return "tiny";
        }

        @Override
        public int dimensions() {
            return 2;
        }

        @Override
        public float[] encodeQuery(String text) {
            double angle = text.hashCode() % 360 * Math.PI / 180;
            return new float[] {(float) Math.cos(angle), (float) Math.sin(angle)};
        }

        @Override
        public float[] encodePassage(String text) {
            if (!failOn.isEmpty() && text.contains(failOn)) {
                throw new IllegalStateException("the model could not encode this text");
            }
            return encodeQuery(text);
        }

        @Override
        public List<float[]> encodePassages(List<String> texts) {
            return texts.stream().map(this::encodePassage).toList();
        }

        @Override
        public void close() {}
    }

    private static void withCourierThroughTheKb(KbFixture f, String id) {
        Article a = f.kb.find(id).orElseThrow();
        f.kb.save(a.withContent(a.title(), a.body() + "\n\n" + COURIER, a.tags(), a.status()), a.version(), "sue");
    }

    private static Article withCourier(JdbcArticleRepository repository, Article a) {
        return repository.save(a.withContent(a.title(), a.body() + "\n\n" + COURIER, a.tags(), a.status()), a.version(), "sue");
    }

    private static JdbcArticleRepository repository(KbFixture f) {
        return new JdbcArticleRepository(f.db.dataSource(), Clock.systemUTC());
    }

    private static List<ArticleHit> search(KbFixture f, String text) {
        return f.kb.search(text, SearchFilter.everything(), 3);
    }
}
