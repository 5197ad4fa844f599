package app.tandem.kb.gaps;

import static org.junit.jupiter.api.Assertions.assertTrue;

import app.tandem.Slow;
import app.tandem.kb.Article;
import app.tandem.kb.KbFolder;
import app.tandem.nlp.EncoderService;
import app.tandem.nlp.EncoderSettings;
import app.tandem.work.Progress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The duplicate threshold on the shipped knowledge base with the real encoders (CPU): no two
 * distinct articles reach it, and a lightly reworded copy of an article does. Logs the figures.
 */
@Slow
class DuplicateThresholdTest {

    private static final Logger log = LoggerFactory.getLogger(DuplicateThresholdTest.class);
    private static EncoderService encoders;

    @BeforeAll
    static void load() {
        encoders = EncoderService.start(EncoderSettings.defaults(Optional.empty()));
    }

    @AfterAll
    static void close() {
        encoders.close();
    }

    @Test
    void shippedArticlesStayBelowAndRewordedCopiesAbove() {
        List<Article> shipped = KbFolder.readBundled(Instant.now()).articles();
        DuplicateFinder finder = new DuplicateFinder(new NlpSentenceVectors(() -> Optional.of(encoders)));
        List<Article> withCopies = new ArrayList<>();
        for (Article a : shipped) {
            withCopies.add(a);
            withCopies.add(new Article(a.id() + "-copy", reworded(a.title()), a.language(), a.status(), a.tags(), a.intents(),
                    a.translationOf(), reworded(a.body()), 1, a.updatedAt(), "t"));
        }
        List<DuplicatePair> pairs = finder.allPairs(withCopies, Progress.NONE).orElseThrow();
        List<DuplicatePair> distinct = pairs.stream()
                .filter(p -> !p.firstId().endsWith("-copy") && !p.secondId().endsWith("-copy")).toList();
        for (String lang : List.of("en", "zh")) {
            log.warn("Closest distinct {} pairs: {}", lang, distinct.stream().filter(p -> p.language().equals(lang)).limit(5)
                    .map(p -> String.format("%.3f %s~%s", p.similarity(), p.firstId(), p.secondId())).toList());
        }
        double closest = distinct.get(0).similarity();
        double lowestCopy = pairs.stream().filter(p -> p.secondId().equals(p.firstId() + "-copy")
                || p.firstId().equals(p.secondId() + "-copy")).mapToDouble(DuplicatePair::similarity).min().orElseThrow();
        log.warn("Duplicate threshold {}: closest distinct pair {}, lowest reworded copy {}", DuplicateFinder.THRESHOLD,
                String.format("%.3f", closest), String.format("%.3f", lowestCopy));
        assertTrue(closest < DuplicateFinder.THRESHOLD, "closest distinct pair " + closest);
        assertTrue(lowestCopy >= DuplicateFinder.THRESHOLD, "lowest reworded copy " + lowestCopy);
    }

    /** A light rewording: the first sentence of each paragraph dropped where there are several, some words swapped. */
    static String reworded(String text) {
        return text.replace("the app", "our app").replace("you can", "you may").replace("Tap", "Press")
                .replace("。", "！").replace("可以", "能够").replace("working days", "business days");
    }
}
