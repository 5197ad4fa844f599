package app.tandem.assist;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real DJL training on feedback built here; a few hundred turns train in about a second on CPU. */
class FeedbackRankerTest {

    private static final Instant START = Instant.parse("2026-03-02T09:00:00Z");
    private static final List<String> AGENTS = List.of("ann", "bob", "chen");

    /** One suggestion as the desk would log it; the agent acts a minute after the turn is shown. */
    private record Offer(SuggestionSource source, String ref, double confidence, double rawScore, int searchRank) {}

    private static List<SuggestionLog.Logged> turn(long conversation, int turnIndex, String agent, List<Offer> offers,
                                                   int usedIndex, boolean rejectOthers) {
        Instant shown = START.plus(Duration.ofMinutes(20L * turnIndex));
        List<SuggestionLog.Logged> rows = new ArrayList<>();
        for (int i = 0; i < offers.size(); i++) {
            Offer o = offers.get(i);
            SuggestionAction action = i == usedIndex ? SuggestionAction.ACCEPTED
                    : rejectOthers ? SuggestionAction.REJECTED : SuggestionAction.IGNORED;
            rows.add(new SuggestionLog.Logged(turnIndex * 10L + i, conversation, 1, i + 1, o.confidence(), o.source(), o.ref(),
                    "text", action, null, Optional.empty(), agent, shown, OptionalDouble.of(o.rawScore()),
                    OptionalInt.of(o.searchRank()), Optional.of(shown.plus(Duration.ofMinutes(1)))));
        }
        return rows;
    }

    /**
     * Two kinds of question. Card delivery: the article scores highest, but agents reject it and send the
     * delivery macro. Fees: agents send the article. Confidences jitter; one agent in ten picks at random.
     */
    private static List<SuggestionLog.Logged> intentFeedback(int turns, long seed) {
        Random random = new Random(seed);
        List<SuggestionLog.Logged> log = new ArrayList<>();
        for (int t = 0; t < turns; t++) {
            boolean card = random.nextBoolean();
            List<Offer> offers = card
                    ? List.of(new Offer(SuggestionSource.ARTICLE, "card-delivery-en", jitter(0.78, random), jitter(0.71, random), 1),
                            new Offer(SuggestionSource.MACRO, "macro:3", jitter(0.58, random), jitter(0.62, random), 0),
                            new Offer(SuggestionSource.HISTORY, "reply:9", jitter(0.45, random), jitter(0.66, random), 0))
                    : List.of(new Offer(SuggestionSource.ARTICLE, "fees-en", jitter(0.74, random), jitter(0.69, random), 1),
                            new Offer(SuggestionSource.MACRO, "macro:7", jitter(0.60, random), jitter(0.63, random), 0),
                            new Offer(SuggestionSource.HISTORY, "reply:4", jitter(0.44, random), jitter(0.65, random), 0));
            int used = random.nextDouble() < 0.1 ? random.nextInt(3) : card ? 1 : 0;
            log.addAll(turn(t, t, AGENTS.get(random.nextInt(AGENTS.size())), offers, used, card));
        }
        return log;
    }

    /** The same offers, but the agent's choice has nothing to do with them. */
    private static List<SuggestionLog.Logged> noise(int turns, long seed) {
        Random random = new Random(seed);
        List<SuggestionLog.Logged> log = new ArrayList<>();
        for (int t = 0; t < turns; t++) {
            int article = random.nextInt(4);
            List<Offer> offers = List.of(
                    new Offer(SuggestionSource.ARTICLE, "article-" + article, jitter(0.7, random), jitter(0.7, random), 1 + random.nextInt(3)),
                    new Offer(SuggestionSource.MACRO, "macro:" + random.nextInt(4), jitter(0.6, random), jitter(0.6, random), 0),
                    new Offer(SuggestionSource.HISTORY, "reply:" + random.nextInt(4), jitter(0.5, random), jitter(0.6, random), 0));
            log.addAll(turn(t, t, AGENTS.get(random.nextInt(AGENTS.size())), offers, random.nextInt(3), false));
        }
        return log;
    }

    private static double jitter(double around, Random random) {
        return Math.max(0.01, Math.min(0.99, around + (random.nextDouble() - 0.5) * 0.1));
    }

    private static AssistService.Candidate candidate(SuggestionSource source, String ref, double confidence, int searchRank) {
        return new AssistService.Candidate(ref, confidence, confidence, searchRank, source, ref, OptionalInt.empty(), ref, "", ref);
    }

    /** "Now" for live ranking: just after the synthetic feedback, as when the scheduler retrains. */
    private static FeedbackRanker live(FeedbackRanker.Report report, String agent, int turns) {
        Clock now = Clock.fixed(START.plus(Duration.ofMinutes(20L * turns + 5)), ZoneOffset.UTC);
        return report.ranker().forAgent(agent).withClock(now);
    }

    @Test
    void learnsPerIntentThatAgentsPreferTheMacroForCardDeliveryButTheArticleForFees() {
        List<SuggestionLog.Logged> log = intentFeedback(400, 11);
        FeedbackRanker.Report report = FeedbackRanker.train(log);

        assertTrue(report.promote(), report.toString());
        assertEquals(320, report.trainGroups());
        assertTrue(report.rerankedTop1() > report.baselineTop1() + 0.3, report.toString());

        FeedbackRanker ranker = live(report, "bob", 400);
        List<AssistService.Candidate> card = ranker.order(List.of(
                candidate(SuggestionSource.ARTICLE, "card-delivery-en", 0.80, 1),
                candidate(SuggestionSource.MACRO, "macro:3", 0.55, 0),
                candidate(SuggestionSource.HISTORY, "reply:9", 0.45, 0)));
        assertEquals("macro:3", card.get(0).sourceRef(), "the delivery macro goes above the rejected article");
        List<AssistService.Candidate> fees = ranker.order(List.of(
                candidate(SuggestionSource.MACRO, "macro:7", 0.62, 0),
                candidate(SuggestionSource.ARTICLE, "fees-en", 0.72, 1),
                candidate(SuggestionSource.HISTORY, "reply:4", 0.44, 0)));
        assertEquals("fees-en", fees.get(0).sourceRef(), "where agents send the article it stays first");
    }

    /** Agents keep choosing the macro even though the article scores higher (rows logged before the signals were kept). */
    @Test
    void learnsFromOldRowsWithoutRetrievalSignals() {
        List<SuggestionLog.Logged> log = new ArrayList<>();
        for (long c = 1; c <= 100; c++) {
            Instant at = START.plus(Duration.ofHours(c));
            log.add(new SuggestionLog.Logged(c * 10 + 1, c, 1, 1, 0.8, SuggestionSource.ARTICLE, "card-delivery-en", "a",
                    SuggestionAction.IGNORED, null, Optional.empty(), "ann", at));
            log.add(new SuggestionLog.Logged(c * 10 + 2, c, 1, 2, 0.6, SuggestionSource.MACRO, "macro:3", "m",
                    SuggestionAction.ACCEPTED, null, Optional.empty(), "ann", at));
        }
        FeedbackRanker.Report report = FeedbackRanker.train(log);
        assertTrue(report.promote(), report.toString());
        assertEquals(0.0, report.baselineTop1());
        assertEquals(1.0, report.rerankedTop1());
        var article = candidate(SuggestionSource.ARTICLE, "card-delivery-en", 0.8, 1);
        var macro = candidate(SuggestionSource.MACRO, "macro:3", 0.6, 0);
        assertEquals("macro:3", report.ranker().forAgent("ann").order(List.of(article, macro)).get(0).sourceRef());
    }

    @Test
    void aRankerTrainedOnNoiseIsNotPromoted() {
        for (long seed = 1; seed <= 5; seed++) {
            FeedbackRanker.Report report = FeedbackRanker.train(noise(300, seed));
            assertFalse(report.promote(), "seed " + seed + ": " + report);
        }
    }

    @Test
    void aFewLuckyTurnsAreNotEnoughToPromote() {
        assertEquals(0.125, HeldOut.signTestP(3, 0), 1e-12, "three wins of three: a coin does that one time in eight");
        assertEquals(1.0 / 32, HeldOut.signTestP(5, 0), 1e-12);
        assertTrue(HeldOut.signTestP(15, 14) > 0.4);
        assertTrue(HeldOut.signTestP(43, 2) < 1e-9);
    }

    @Test
    void tooLittleFeedbackIsNotPromoted() {
        assertFalse(FeedbackRanker.train(intentFeedback(20, 3)).promote());
        assertFalse(FeedbackRanker.train(List.of()).promote());
    }

    /** Rewriting every outcome from turn k on must not change the features of turns up to k (k's own included). */
    @Test
    void featuresOfATurnNeverSeeItsOwnOrLaterOutcomes() {
        List<SuggestionLog.Logged> log = intentFeedback(120, 5);
        int k = 60;
        List<SuggestionLog.Logged> rewritten = log.stream().map(s -> s.conversationId() < k ? s : flipped(s)).toList();

        List<FeedbackTurns.Turn> original = FeedbackTurns.walk(log).turns();
        List<FeedbackTurns.Turn> changed = FeedbackTurns.walk(rewritten).turns();
        for (int t = 0; t <= k; t++) {
            assertArrayEquals(flat(original.get(t).features()), flat(changed.get(t).features()), 1e-12, "turn " + t);
        }
        boolean laterDiffer = false;
        for (int t = k + 1; t < original.size(); t++) {
            laterDiffer |= !java.util.Arrays.equals(flat(original.get(t).features()), flat(changed.get(t).features()));
        }
        assertTrue(laterDiffer, "the rewrite must matter somewhere, or this test proves nothing");
    }

    /** An action recorded after the next turn was already on screen is not known to that next turn. */
    @Test
    void anActionCountsOnlyOnceRecorded() {
        Instant first = START;
        Instant second = START.plus(Duration.ofMinutes(5));
        SuggestionLog.Logged late = new SuggestionLog.Logged(1, 1, 1, 1, 0.7, SuggestionSource.MACRO, "macro:3", "m",
                SuggestionAction.ACCEPTED, null, Optional.empty(), "ann", first, OptionalDouble.of(0.6), OptionalInt.of(0),
                Optional.of(second.plusSeconds(30)));
        SuggestionLog.Logged next = new SuggestionLog.Logged(2, 2, 1, 1, 0.7, SuggestionSource.MACRO, "macro:3", "m",
                SuggestionAction.IGNORED, null, Optional.empty(), "ann", second, OptionalDouble.of(0.6), OptionalInt.of(0),
                Optional.of(second.plusSeconds(60)));
        List<FeedbackTurns.Turn> turns = FeedbackTurns.walk(List.of(late, next)).turns();
        int rate = RankingFeatures.NAMES.indexOf("source-use-rate");
        int days = RankingFeatures.NAMES.indexOf("log-days-since-used");
        assertEquals(0.5, turns.get(0).features()[0][rate], 1e-12, "no feedback yet: the neutral prior");
        assertEquals(0.5, turns.get(1).features()[0][rate], 1e-12, "the first acceptance came in after this turn was shown");
        assertEquals(Math.log1p(RankingFeatures.RECENCY_CAP_DAYS), turns.get(1).features()[0][days], 1e-12);
    }

    @Test
    void aPromotedRankerSurvivesARestart(@TempDir Path folder) throws java.io.IOException {
        List<SuggestionLog.Logged> log = intentFeedback(400, 11);
        FeedbackRanker.Report report = FeedbackRanker.train(log);
        SavedRanker saved = new SavedRanker(folder);
        assertTrue(saved.save(report));

        FeedbackRanker restored = saved.load(log).orElseThrow();
        assertArrayEquals(report.ranker().weights(), restored.weights(), 1e-6);
        List<AssistService.Candidate> card = List.of(candidate(SuggestionSource.ARTICLE, "card-delivery-en", 0.80, 1),
                candidate(SuggestionSource.MACRO, "macro:3", 0.55, 0));
        Clock now = Clock.fixed(START.plus(Duration.ofDays(20)), ZoneOffset.UTC);
        assertEquals(report.ranker().forAgent("ann").withClock(now).order(card),
                restored.forAgent("ann").withClock(now).order(card));
        assertTrue(java.nio.file.Files.readString(folder.resolve(SavedRanker.REPORT_FILE)).contains("source-use-rate"));
        assertTrue(new SavedRanker(folder.resolve("none")).load(log).isEmpty());
    }

    private static SuggestionLog.Logged flipped(SuggestionLog.Logged s) {
        SuggestionAction action = s.used() ? SuggestionAction.REJECTED : SuggestionAction.ACCEPTED;
        return new SuggestionLog.Logged(s.id(), s.conversationId(), s.messageSeq(), s.rank(), s.score(), s.source(), s.sourceRef(),
                s.text(), action, null, Optional.empty(), s.agent(), s.shownAt(), s.rawScore(), s.searchRank(), s.actedAt());
    }

    private static double[] flat(double[][] rows) {
        return java.util.Arrays.stream(rows).flatMapToDouble(java.util.Arrays::stream).toArray();
    }
}
