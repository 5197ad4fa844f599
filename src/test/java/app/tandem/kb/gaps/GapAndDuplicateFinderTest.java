package app.tandem.kb.gaps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.tandem.assist.SuggestionAction;
import app.tandem.kb.Article;
import app.tandem.kb.ArticleStatus;
import app.tandem.kb.KbFixture;
import app.tandem.work.Progress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GapAndDuplicateFinderTest {

    @TempDir
    Path tmp;

    /** A stand-in encoder: one dimension per topic, named by any of its words; normalised. */
    static final SentenceVectors BAG_OF_WORDS = text -> {
        List<List<String>> topics = List.of(List.of("crypto", "bitcoin"), List.of("mortgage", "house", "loan"),
                List.of("card", "arrive", "deliver"), List.of("fee"));
        float[] v = new float[topics.size() + 1];
        String lower = text.toLowerCase(Locale.ROOT);
        for (int i = 0; i < topics.size(); i++) {
            v[i] = topics.get(i).stream().anyMatch(lower::contains) ? 1 : 0;
        }
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        if (norm == 0) {
            v[topics.size()] = 1;
            norm = 1;
        }
        for (int i = 0; i < v.length; i++) {
            v[i] /= (float) Math.sqrt(norm);
        }
        return Optional.of(new SentenceVectors.Vector("topics", v));
    };

    @Test
    void unansweredQuestionsAreGroupedAndRankedByFrequency() {
        try (KbFixture f = new KbFixture(tmp, true)) {
            f.ask("Can I buy bitcoin in the app?", null, 0, null);                                    // nothing suggested
            f.ask("How do I buy crypto?", "exchange-in-app-en", 0.3, null);                           // below the threshold
            f.ask("Do you sell bitcoin or crypto?", "exchange-in-app-en", 0.9, SuggestionAction.REJECTED); // rejected
            f.ask("Can I get a mortgage for my house?", null, 0, null);
            f.ask("Mortgage loan options?", "top-up-limits-en", 0.8, SuggestionAction.IGNORED);
            f.ask("When will my card arrive?", "card-delivery-en", 0.9, SuggestionAction.ACCEPTED);   // answered
            f.ask("My card did not arrive", "card-delivery-en", 0.7, null);                          // shown, pending

            List<CustomerQuestion> unanswered = f.unanswered.since(Instant.EPOCH, GapFinder.MIN_CONFIDENCE, 100);
            assertEquals(5, unanswered.size(), unanswered.toString());

            GapReport report = f.gapFinder(BAG_OF_WORDS).find(Duration.ofDays(1), Progress.NONE);
            assertEquals(GapReport.Grouping.BY_MEANING, report.grouping());
            assertEquals(2, report.clusters().size(), report.toString());
            QuestionCluster crypto = report.clusters().get(0);
            assertEquals(3, crypto.size());
            assertTrue(crypto.draftBody().contains("- Can I buy bitcoin in the app?"), crypto.draftBody());
            assertEquals(2, report.clusters().get(1).size());
        }
    }

    @Test
    void withoutModelsQuestionsAreGroupedBySharedWordsAndSaySo() {
        try (KbFixture f = new KbFixture(tmp, true)) {
            f.ask("How can I buy bitcoin in the app?", null, 0, null);
            f.ask("Can I buy bitcoin?", null, 0, null);
            f.ask("我想申请房贷", null, 0, null);
            f.ask("My card 4111 1111 1111 1111 was swallowed", null, 0, null);
            f.ask("房贷怎么申请", null, 0, null);
            GapReport report = f.gapFinder(SentenceVectors.NONE).find(Duration.ofDays(1), Progress.NONE);
            assertEquals(GapReport.Grouping.BY_WORDS, report.grouping());
            assertEquals(3, report.clusters().size(), report.toString());
            assertTrue(report.clusters().stream().limit(2).allMatch(c -> c.size() == 2));
            assertTrue(report.clusters().stream().flatMap(c -> c.questions().stream())
                    .noneMatch(q -> q.text().contains("1111")), "card numbers are masked");
            assertTrue(report.clusters().stream().anyMatch(c -> c.language().equals("zh")));
        }
    }

    @Test
    void aCraftedNearDuplicateIsFoundAndDistinctArticlesAreNot() {
        Article original = article("card-arrive-en", "When will my card arrive?", "Cards arrive in 3 to 5 days; we deliver by post.");
        Article copy = article("card-arrival-copy-en", "When does my card arrive", "Cards arrive in 3-5 days, delivered by post.");
        Article other = article("mortgage-en", "Mortgages", "We do not offer a mortgage or house loan.");
        Article chinese = article("card-arrive-zh", "When will my card arrive?", "Cards arrive in 3 to 5 days; we deliver by post.");
        chinese = new Article(chinese.id(), chinese.title(), "zh", chinese.status(), List.of(), List.of(), Optional.empty(),
                chinese.body(), 1, Instant.now(), "t");
        List<DuplicatePair> pairs = new DuplicateFinder(BAG_OF_WORDS)
                .find(List.of(original, copy, other, chinese), DuplicateFinder.THRESHOLD, Progress.NONE).orElseThrow();
        assertEquals(1, pairs.size(), pairs.toString());
        assertEquals(Set.of("card-arrive-en", "card-arrival-copy-en"), Set.of(pairs.get(0).firstId(), pairs.get(0).secondId()));
        assertTrue(new DuplicateFinder(SentenceVectors.NONE).find(List.of(original, copy), 0.9, Progress.NONE).isEmpty(),
                "without models: says it cannot tell, rather than 'no duplicates'");
    }

    private static Article article(String id, String title, String body) {
        return new Article(id, title, "en", ArticleStatus.PUBLISHED, List.of(), List.of(), Optional.empty(), body, 1,
                Instant.now(), "t");
    }
}
