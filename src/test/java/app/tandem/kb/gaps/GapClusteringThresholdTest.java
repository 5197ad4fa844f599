package app.tandem.kb.gaps;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import app.tandem.Slow;
import app.tandem.eval.Datasets;
import app.tandem.eval.LabelledText;
import app.tandem.nlp.EncoderService;
import app.tandem.nlp.EncoderSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How well {@link GapFinder#SAME_MEANING} groups customer questions by meaning, measured on
 * Banking77 (20 questions from each of 15 intents, English encoder): purity (share of questions in
 * a group whose majority intent is theirs) and how many groups each intent is split into. Merge
 * 1.01 means the leader pass alone.
 */
@Slow
class GapClusteringThresholdTest {

    private static final Logger log = LoggerFactory.getLogger(GapClusteringThresholdTest.class);

    private record Q(String text, String intent, SentenceVectors.Vector vector) {}

    @Test
    void questionsOfOneIntentMostlyGroupTogether() {
        Optional<Path> train = Datasets.sharedFolder().map(p -> p.resolve("banking77/train.csv")).filter(Files::exists);
        assumeTrue(train.isPresent(), "Banking77 is not in ../shared/datasets");
        Map<String, List<LabelledText>> byIntent = Datasets.readTextCategoryCsv(train.get()).stream()
                .collect(Collectors.groupingBy(LabelledText::label, LinkedHashMap::new, Collectors.toList()));
        List<LabelledText> sample = byIntent.values().stream().limit(15).flatMap(l -> l.stream().limit(20)).toList();
        try (EncoderService encoders = EncoderService.start(EncoderSettings.defaults(Optional.empty()))) {
            NlpSentenceVectors vectors = new NlpSentenceVectors(() -> Optional.of(encoders));
            List<Optional<SentenceVectors.Vector>> vs = vectors.vectors(sample.stream().map(LabelledText::text).toList());
            List<Q> qs = new ArrayList<>();
            for (int i = 0; i < sample.size(); i++) {
                qs.add(new Q(sample.get(i).text(), sample.get(i).label(), vs.get(i).orElseThrow()));
            }
            double chosenPurity = 0;
            for (double threshold : new double[] {0.6, GapFinder.SAME_MEANING, 0.7})
            for (double merge : new double[] {0.5, GapFinder.SAME_TOPIC, 1.01}) {
                List<List<Q>> groups = GreedyClusters.mergeByAverageLinkage(
                        GreedyClusters.group(qs, (a, b) -> a.vector().cosine(b.vector()), threshold),
                        (a, b) -> a.vector().cosine(b.vector()), merge);
                int pure = 0;
                for (List<Q> g : groups) {
                    pure += g.stream().collect(Collectors.groupingBy(Q::intent, Collectors.counting())).values().stream()
                            .mapToLong(Long::longValue).max().orElse(0);
                }
                double purity = pure / (double) qs.size();
                Map<String, Integer> splits = new HashMap<>();
                for (List<Q> g : groups) {
                    g.stream().map(Q::intent).distinct().forEach(intent -> splits.merge(intent, 1, Integer::sum));
                }
                double groupsPerIntent = splits.values().stream().mapToInt(Integer::intValue).average().orElse(0);
                log.warn("threshold {} merge {}: {} groups for 15 intents, purity {}, an intent spread over {} groups on average",
                        threshold, merge, groups.size(), String.format("%.2f", purity), String.format("%.1f", groupsPerIntent));
                if (threshold == GapFinder.SAME_MEANING && merge == GapFinder.SAME_TOPIC) {
                    chosenPurity = purity;
                }
            }
            assertTrue(chosenPurity >= 0.8, "purity at the chosen threshold: " + chosenPurity);
        }
    }
}
