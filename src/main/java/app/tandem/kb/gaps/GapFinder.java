package app.tandem.kb.gaps;

import app.tandem.privacy.Redactor;
import app.tandem.work.Progress;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.ToDoubleBiFunction;

/**
 * Finds what the knowledge base does not answer: customer questions that got no confident
 * suggestion, grouped by meaning with the sentence encoders (or by shared words when the models are
 * not loaded), most frequent first.
 */
public final class GapFinder {

    /** Below this a suggestion does not count as an answer (the assist layer's confidence, 0 to 1). */
    public static final double MIN_CONFIDENCE = 0.5;
    /**
     * Questions at least this close (cosine of sentence vectors) to a group's first question join it;
     * measured with {@code GapClusteringThresholdTest} on Banking77 (docs/kb-editor.md).
     */
    public static final double SAME_MEANING = 0.65;
    /** Groups whose questions average at least this close are merged (average linkage). */
    public static final double SAME_TOPIC = 0.55;
    /** Without models: questions sharing this share of their content words (Dice; Chinese by character pairs). */
    public static final double SHARED_WORDS = 0.4;
    static final int MAX_QUESTIONS = 2000;
    private static final int MAX_TITLE = 90;

    private final UnansweredQuestions questions;
    private final SentenceVectors vectors;
    private final Clock clock;

    public GapFinder(UnansweredQuestions questions, SentenceVectors vectors, Clock clock) {
        this.questions = questions;
        this.vectors = vectors;
        this.clock = clock;
    }

    private record Item(CustomerQuestion question, String language, Optional<SentenceVectors.Vector> vector,
                        java.util.Set<String> words) {}

    public GapReport find(Duration window, Progress progress) {
        // Personal data (card numbers, dates of birth, e-mail …) is masked before anyone sees or reuses the text.
        List<CustomerQuestion> found = questions.since(clock.instant().minus(window), MIN_CONFIDENCE, MAX_QUESTIONS).stream()
                .map(q -> new CustomerQuestion(q.conversationId(), q.seq(), Redactor.redact(q.text()).strip(), q.askedAt(),
                        q.topConfidence()))
                .filter(q -> !q.text().isEmpty()).toList();
        progress.update(0, 2, "Reading the questions customers asked");
        List<Optional<SentenceVectors.Vector>> vs = vectors.vectors(found.stream().map(CustomerQuestion::text).toList());
        progress.checkCancelled();
        boolean byMeaning = vs.stream().allMatch(Optional::isPresent);
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < found.size(); i++) {
            CustomerQuestion q = found.get(i);
            items.add(new Item(q, Keywords.language(q.text()), byMeaning ? vs.get(i) : Optional.empty(), Keywords.of(q.text())));
        }
        progress.update(1, 2, "Grouping " + items.size() + " questions");
        boolean meaning = byMeaning && !items.isEmpty();
        ToDoubleBiFunction<Item, Item> similarity = meaning
                ? (a, b) -> a.language().equals(b.language()) ? a.vector().get().cosine(b.vector().get()) : 0
                : (a, b) -> a.language().equals(b.language()) ? Keywords.dice(a.words(), b.words()) : 0;
        List<QuestionCluster> clusters = new ArrayList<>();
        List<List<Item>> groups = GreedyClusters.group(items, similarity, meaning ? SAME_MEANING : SHARED_WORDS);
        if (meaning) {
            groups = GreedyClusters.mergeByAverageLinkage(groups, similarity, SAME_TOPIC);
        }
        for (List<Item> group : groups) {
            Item central = GreedyClusters.central(group, similarity);
            clusters.add(new QuestionCluster(title(central.question().text()), central.language(),
                    group.stream().map(Item::question).toList()));
        }
        progress.update(2, 2, clusters.size() + " groups");
        return new GapReport(clusters, meaning ? GapReport.Grouping.BY_MEANING : GapReport.Grouping.BY_WORDS, items.size());
    }

    /** A title from the most typical question: one line, capitalised, not too long. */
    static String title(String question) {
        String t = question.strip().replaceAll("\\s+", " ");
        if (t.length() > MAX_TITLE) {
            int cut = t.lastIndexOf(' ', MAX_TITLE);
            t = t.substring(0, cut > 20 ? cut : MAX_TITLE) + "…";
        }
        return t.isEmpty() ? t : t.substring(0, 1).toUpperCase(Locale.ROOT) + t.substring(1);
    }
}
