package app.tandem.app.cli;

import app.tandem.assist.ConversationContext;
import app.tandem.eval.Datasets;
import app.tandem.eval.LabelledText;
import app.tandem.nlp.EncoderService;
import app.tandem.nlp.Language;
import app.tandem.nlp.TextEncoder;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * {@code eval topic-shift --questions FILE}: carries the English topic-shift bar over to another encoder.
 * There are no Chinese dialogues to measure it on as SGD measured the English one, and a cosine means
 * something else per encoder (bge-small-zh scores unrelated sentences around 0.5, all-MiniLM-L6-v2 around
 * 0.25). So: on Banking77 validation questions, the English bar counts a share of question pairs of two
 * different intents as a new topic; the other encoder's bar is the cosine that counts the same share of
 * the file's different-intent pairs as new. Prints both, and how many same-intent pairs each bar keeps.
 */
final class TopicShiftTransfer {

    private static final int PAIRS = 3000;

    private TopicShiftTransfer() {}

    static void run(EncoderService service, Path questions) throws IOException {
        Path banking = Datasets.sharedFolder().orElseThrow(() -> new IllegalArgumentException(
                "Cannot find shared/datasets: set TANDEM_DATASETS")).resolve("banking77").resolve("train.csv");
        List<LabelledText> english = Datasets.stratified(Datasets.readTextCategoryCsv(banking), 0.1, 77).held();
        List<LabelledText> other = Datasets.readTextCategoryCsv(questions);
        Language language = Datasets.majorityLanguage(other).equals("zh") ? Language.ZH : Language.EN;
        Pairs en = Pairs.of(service.encoderFor(Language.EN).orElseThrow(), english);
        TextEncoder target = service.encoderFor(language).orElseThrow();
        Pairs to = Pairs.of(target, other);
        double share = en.newTopicShare(ConversationContext.TOPIC_SHIFT);
        double bar = to.barFor(share);
        System.out.printf(Locale.ROOT, "all-minilm-l6-v2, Banking77 validation: bar %.2f counts %.1f%% of different-intent pairs as a new topic"
                + " and keeps %.1f%% of same-intent pairs (%d / %d pairs)%n", ConversationContext.TOPIC_SHIFT, 100 * share,
                100 * en.keptShare(ConversationContext.TOPIC_SHIFT), en.same.length, en.different.length);
        System.out.printf(Locale.ROOT, "%s, %s: the same share is reached at %.2f, which keeps %.1f%% of same-intent pairs (%d / %d pairs);"
                + " medians: same intent %.3f, different %.3f%n", target.modelId(), questions, bar, 100 * to.keptShare(bar),
                to.same.length, to.different.length, median(to.same), median(to.different));
    }

    /** Cosines of random question pairs of one intent and of two intents. */
    private record Pairs(double[] same, double[] different) {
        static Pairs of(TextEncoder e, List<LabelledText> questions) {
            List<float[]> vectors = new ArrayList<>();
            for (LabelledText q : questions) {
                vectors.add(e.encodeQuery(q.text()));
            }
            Random random = new Random(3);
            List<Double> same = new ArrayList<>();
            List<Double> different = new ArrayList<>();
            for (int i = 0; i < PAIRS; i++) {
                int a = random.nextInt(questions.size());
                int b = random.nextInt(questions.size());
                if (a == b) {
                    continue;
                }
                double cos = 0;
                for (int d = 0; d < vectors.get(a).length; d++) {
                    cos += vectors.get(a)[d] * vectors.get(b)[d];
                }
                (questions.get(a).label().equals(questions.get(b).label()) ? same : different).add(cos);
            }
            return new Pairs(sorted(same), sorted(different));
        }

        double newTopicShare(double bar) {
            return (double) Arrays.stream(different).filter(c -> c < bar).count() / different.length;
        }

        double keptShare(double bar) {
            return same.length == 0 ? Double.NaN : (double) Arrays.stream(same).filter(c -> c >= bar).count() / same.length;
        }

        /** The cosine below which {@code share} of the different-intent pairs fall. */
        double barFor(double share) {
            return different[Math.min(different.length - 1, (int) Math.round(share * different.length))];
        }
    }

    private static double[] sorted(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    }

    private static double median(double[] sorted) {
        return sorted.length == 0 ? Double.NaN : sorted[sorted.length / 2];
    }
}
