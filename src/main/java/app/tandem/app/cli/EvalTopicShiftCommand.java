package app.tandem.app.cli;

import app.tandem.eval.Datasets;
import app.tandem.nlp.EncoderService;
import app.tandem.nlp.EncoderSettings;
import app.tandem.nlp.Language;
import app.tandem.nlp.TextEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code tandem eval topic-shift}: measures the cosine below which a customer's turn starts a new topic
 * (ConversationContext.TOPIC_SHIFT). SGD dialogues (sgd-banks/train, one service each): consecutive user
 * turns of one dialogue are "same topic"; user turns of two dialogues of different services (bank vs
 * homes vs services) are "new topic". Prints both distributions and the threshold with the best
 * balanced accuracy.
 */
@Command(name = "topic-shift", mixinStandardHelpOptions = true,
        description = "Cosine threshold between same-dialogue and different-topic customer turns (SGD).")
public final class EvalTopicShiftCommand implements Callable<Integer> {

    @Option(names = "--pairs", defaultValue = "400", description = "Pairs of each kind (default 400)")
    int pairs;

    @Option(names = "--questions", paramLabel = "FILE", description = "CSV text,category in another language (e.g. our Chinese"
            + " questions): carry the English bar over to that language's encoder instead (see TopicShiftTransfer)")
    Path questions;

    @Override
    public Integer call() throws Exception {
        if (questions != null) {
            try (EncoderService service = EncoderService.start(EncoderSettings.defaults(Optional.empty()))) {
                TopicShiftTransfer.run(service, questions);
            }
            return 0;
        }
        Path file = Datasets.sharedFolder().orElseThrow(() -> new IllegalArgumentException(
                "Cannot find shared/datasets: set TANDEM_DATASETS")).resolve("sgd-banks/train/dialogues_032.json");
        JsonNode dialogues = new ObjectMapper().readTree(file.toFile());
        List<List<String>> userTurns = new ArrayList<>();
        List<String> services = new ArrayList<>();
        for (JsonNode d : dialogues) {
            if (d.get("services").size() != 1) {
                continue;
            }
            List<String> turns = new ArrayList<>();
            for (JsonNode t : d.get("turns")) {
                if (t.get("speaker").asText().equals("USER")) {
                    turns.add(t.get("utterance").asText());
                }
            }
            userTurns.add(turns);
            services.add(d.get("services").get(0).asText());
        }
        Random random = new Random(5);
        List<String[]> same = new ArrayList<>();
        List<String[]> other = new ArrayList<>();
        while (same.size() < pairs) {
            List<String> turns = userTurns.get(random.nextInt(userTurns.size()));
            if (turns.size() > 2) {
                // Skip the closing "thanks, that's all": it is not on topic, and the agent does not need context for it.
                int i = random.nextInt(turns.size() - 2);
                same.add(new String[] {turns.get(i), turns.get(i + 1)});
            }
        }
        while (other.size() < pairs) {
            int a = random.nextInt(userTurns.size());
            int b = random.nextInt(userTurns.size());
            if (!services.get(a).equals(services.get(b)) && userTurns.get(a).size() > 1 && userTurns.get(b).size() > 1) {
                other.add(new String[] {userTurns.get(a).get(0), userTurns.get(b).get(random.nextInt(userTurns.get(b).size() - 1))});
            }
        }
        try (EncoderService service = EncoderService.start(EncoderSettings.defaults(Optional.empty()))) {
            TextEncoder e = service.encoderFor(Language.EN).orElseThrow();
            double[] sameCos = cosines(e, same);
            double[] otherCos = cosines(e, other);
            double best = 0;
            double bestAcc = 0;
            for (double t = 0.05; t < 0.8; t += 0.01) {
                double tpr = share(sameCos, t, true);
                double tnr = share(otherCos, t, false);
                if ((tpr + tnr) / 2 > bestAcc) {
                    bestAcc = (tpr + tnr) / 2;
                    best = t;
                }
            }
            System.out.printf(Locale.ROOT, "Encoder %s; %d same-dialogue and %d different-topic pairs of user turns (SGD train shard)%n",
                    e.modelId(), pairs, pairs);
            System.out.printf(Locale.ROOT, "same topic: median cosine %.3f, 10th percentile %.3f%n", pct(sameCos, 50), pct(sameCos, 10));
            System.out.printf(Locale.ROOT, "new topic:  median cosine %.3f, 90th percentile %.3f%n", pct(otherCos, 50), pct(otherCos, 90));
            System.out.printf(Locale.ROOT, "best threshold %.2f (balanced accuracy %.1f%%); at 0.30: same kept %.1f%%, new reset %.1f%%%n",
                    best, 100 * bestAcc, 100 * share(sameCos, 0.30, true), 100 * share(otherCos, 0.30, false));
        }
        return 0;
    }

    private static double[] cosines(TextEncoder e, List<String[]> pairs) {
        double[] out = new double[pairs.size()];
        for (int i = 0; i < out.length; i++) {
            float[] a = e.encodeQuery(pairs.get(i)[0]);
            float[] b = e.encodeQuery(pairs.get(i)[1]);
            double dot = 0;
            for (int d = 0; d < a.length; d++) {
                dot += a[d] * b[d];
            }
            out[i] = dot;
        }
        return out;
    }

    private static double share(double[] values, double threshold, boolean above) {
        int n = 0;
        for (double v : values) {
            n += (above ? v >= threshold : v < threshold) ? 1 : 0;
        }
        return (double) n / values.length;
    }

    private static double pct(double[] values, int p) {
        double[] s = values.clone();
        java.util.Arrays.sort(s);
        return s[Math.min(s.length - 1, s.length * p / 100)];
    }
}
