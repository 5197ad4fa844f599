package app.tandem.assist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class FeedbackRankerTest {

    private static SuggestionLog.Logged logged(long conversation, int rank, double score, SuggestionSource source, String ref,
                                               SuggestionAction action) {
        return new SuggestionLog.Logged(conversation * 10 + rank, conversation, 1, rank, score, source, ref, "text", action,
                null, Optional.empty(), "ann", Instant.EPOCH);
    }

    /** Agents keep choosing the macro even though the article scores higher: the re-ranker learns that. */
    @Test
    void learnsThatAgentsPreferAMacroAndIsPromotedOnlyWhenBetter() {
        List<SuggestionLog.Logged> log = new ArrayList<>();
        for (long c = 1; c <= 100; c++) {
            log.add(logged(c, 1, 0.8, SuggestionSource.ARTICLE, "card-delivery-en", SuggestionAction.IGNORED));
            log.add(logged(c, 2, 0.6, SuggestionSource.MACRO, "macro:3", SuggestionAction.ACCEPTED));
        }
        FeedbackRanker.Report report = FeedbackRanker.train(log);
        assertTrue(report.promote(), report.toString());
        assertEquals(0.0, report.baselineTop1());
        assertEquals(1.0, report.rerankedTop1());

        var article = new AssistService.Candidate("a", 0.8, 0.5, 1, SuggestionSource.ARTICLE, "card-delivery-en",
                OptionalInt.of(1), "a", "", "a");
        var macro = new AssistService.Candidate("m", 0.6, 0.5, 0, SuggestionSource.MACRO, "macro:3", OptionalInt.empty(),
                "m", "", "m");
        assertEquals("m", report.ranker().forAgent("ann").order(List.of(article, macro)).get(0).text());
    }

    @Test
    void tooLittleFeedbackIsNotPromoted() {
        List<SuggestionLog.Logged> log = List.of(logged(1, 1, 0.8, SuggestionSource.ARTICLE, "x", SuggestionAction.ACCEPTED));
        assertFalse(FeedbackRanker.train(log).promote());
        assertFalse(FeedbackRanker.train(List.of()).promote());
    }
}
