package app.tandem.ml.bench;

import ai.djl.Device;
import app.tandem.ml.bert.BertSentenceEncoder;
import app.tandem.ml.bert.EncoderWorker;
import app.tandem.ml.bert.InferenceThreads;
import app.tandem.ml.catalog.ModelCatalog;
import app.tandem.ml.catalog.ModelDescriptor;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Question-to-answer retrieval on a bank FAQ CSV ({@code Question,Answer,Class}, e.g.
 * {@code ../shared/datasets/bank-faqs/BankFAQs.csv}): every distinct question is a query (with the
 * model's query prefix), every distinct answer a passage; reports top-1 accuracy and MRR@10 per model.
 * Used to choose the default English encoder.
 */
public final class FaqRetrievalEval {

    private FaqRetrievalEval() {
    }

    /** {@code FaqRetrievalEval <csv> [modelId ...]} */
    public static void main(String[] args) throws Exception {
        List<String> models = args.length > 1 ? List.of(args).subList(1, args.length)
                : List.of("all-minilm-l6-v2", "bge-small-en-v1.5");
        run(System.out, Path.of(args[0]), models);
    }

    public static void run(PrintStream out, Path csv, List<String> modelIds) throws Exception {
        Map<String, Set<Integer>> gold = new LinkedHashMap<>();
        List<String> answers = new ArrayList<>();
        Map<String, Integer> answerIndex = new LinkedHashMap<>();
        for (String[] row : readCsv(csv)) {
            int a = answerIndex.computeIfAbsent(row[1].strip(), k -> {
                answers.add(k);
                return answers.size() - 1;
            });
            gold.computeIfAbsent(row[0].strip(), k -> new HashSet<>()).add(a);
        }
        List<String> questions = new ArrayList<>(gold.keySet());
        out.printf(Locale.ROOT, "%d questions, %d answers (%s)%n", questions.size(), answers.size(), csv);
        InferenceThreads.prepareCurrentThreadForInference();
        for (String id : modelIds) {
            ModelDescriptor d = ModelCatalog.load().find(id).orElseThrow();
            try (BertSentenceEncoder enc = BertSentenceEncoder.load(d, BertSentenceEncoder.preferredDevice(),
                            Optional.empty());
                    EncoderWorker w = enc.newWorker(32)) {
                long start = System.nanoTime();
                float[][] passages = w.encode(enc.tokenize(answers.stream().map(a -> d.passagePrefix() + a).toList()));
                float[][] queries = w.encode(enc.tokenize(questions.stream().map(q -> d.queryPrefix() + q).toList()));
                double seconds = (System.nanoTime() - start) / 1e9;
                int top1 = 0;
                double mrr = 0;
                for (int q = 0; q < queries.length; q++) {
                    Set<Integer> want = gold.get(questions.get(q));
                    double[] scores = new double[passages.length];
                    for (int p = 0; p < passages.length; p++) {
                        scores[p] = dot(queries[q], passages[p]);
                    }
                    int rank = 1;
                    double best = want.stream().mapToDouble(p -> scores[p]).max().orElseThrow();
                    for (int p = 0; p < passages.length; p++) {
                        if (scores[p] > best && !want.contains(p)) {
                            rank++;
                        }
                    }
                    top1 += rank == 1 ? 1 : 0;
                    mrr += rank <= 10 ? 1.0 / rank : 0;
                }
                out.printf(Locale.ROOT, "%-19s top-1 %.3f  MRR@10 %.3f  (%.0f texts/s)%n", id,
                        top1 / (double) queries.length, mrr / queries.length,
                        (queries.length + passages.length) / seconds);
            }
        }
    }

    private static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /** Minimal RFC 4180 reader: quoted fields may hold commas, doubled quotes and line breaks. */
    static List<String[]> readCsv(Path csv) throws IOException {
        String text = Files.readString(csv, StandardCharsets.UTF_8);
        List<String[]> rows = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                fields.add(field.toString());
                field.setLength(0);
                if (fields.size() >= 2) {
                    rows.add(fields.toArray(new String[0]));
                }
                fields.clear();
            } else {
                field.append(c);
            }
        }
        if (field.length() > 0 || !fields.isEmpty()) {
            fields.add(field.toString());
            if (fields.size() >= 2) {
                rows.add(fields.toArray(new String[0]));
            }
        }
        return rows.subList(1, rows.size());
    }
}
