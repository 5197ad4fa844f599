package app.tandem.eval;

import app.tandem.kb.KbTerms;
import app.tandem.nlp.TextEncoder;
import app.tandem.work.Progress;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Chinese question matching (pairs of customer questions, same meaning or not, as in ATEC/AFQMC):
 * each method scores a pair; the threshold that maximises F1 on one half is applied to the other.
 */
public final class QuestionMatching {

    /** A labelled pair of questions. */
    public record Pair(String first, String second, boolean same) {}

    /** One method's figures at its chosen threshold. */
    public record Result(String method, int pairs, double threshold, double accuracy, double f1, double rocAuc) {}

    private QuestionMatching() {}

    /** Reads the ATEC file (tab-separated id, sentence1, sentence2, label; BOM tolerated), a seeded sample. */
    public static List<Pair> readAtec(Path file, int limit, long seed) {
        List<Pair> pairs = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String[] f = line.replace("\uFEFF", "").strip().split("\t");
                if (f.length == 4 && (f[3].equals("0") || f[3].equals("1"))) {
                    pairs.add(new Pair(f[1], f[2], f[3].equals("1")));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
        Collections.shuffle(pairs, new Random(seed));
        return limit > 0 && pairs.size() > limit ? pairs.subList(0, limit) : pairs;
    }

    /** Keywords (token Jaccard), vectors (cosine) and their blend, thresholds chosen on the first half. */
    public static List<Result> evaluate(List<Pair> pairs, TextEncoder encoder, Progress progress) {
        double[] keywords = new double[pairs.size()];
        double[] vectors = new double[pairs.size()];
        try (KbTerms terms = KbTerms.chinese()) { // the knowledge base's own
            for (int i = 0; i < pairs.size(); i++) {
                progress.checkCancelled();
                Pair p = pairs.get(i);
                keywords[i] = jaccard(tokens(terms, p.first()), tokens(terms, p.second()));
                vectors[i] = dot(encoder.encodePassage(p.first()), encoder.encodePassage(p.second()));
                if ((i + 1) % 100 == 0 || i + 1 == pairs.size()) {
                    progress.update(i + 1, pairs.size(), "question pairs");
                }
            }
        }
        double[] blend = new double[pairs.size()];
        for (int i = 0; i < blend.length; i++) {
            blend[i] = 0.1 * keywords[i] + 0.9 * vectors[i];
        }
        boolean[] same = new boolean[pairs.size()];
        for (int i = 0; i < same.length; i++) {
            same[i] = pairs.get(i).same();
        }
        return List.of(result("keywords", keywords, same), result("vectors", vectors, same), result("blend", blend, same));
    }

    private static Result result(String method, double[] scores, boolean[] same) {
        int half = scores.length / 2;
        double threshold = bestThreshold(slice(scores, 0, half), slice(same, 0, half));
        double[] test = slice(scores, half, scores.length);
        boolean[] truth = slice(same, half, same.length);
        int tp = 0;
        int fp = 0;
        int fn = 0;
        int correct = 0;
        for (int i = 0; i < test.length; i++) {
            boolean predicted = test[i] >= threshold;
            correct += predicted == truth[i] ? 1 : 0;
            tp += predicted && truth[i] ? 1 : 0;
            fp += predicted && !truth[i] ? 1 : 0;
            fn += !predicted && truth[i] ? 1 : 0;
        }
        double f1 = tp == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + fn);
        return new Result(method, test.length, threshold, (double) correct / test.length, f1, rocAuc(test, truth));
    }

    static double bestThreshold(double[] scores, boolean[] same) {
        double best = Double.NEGATIVE_INFINITY;
        double bestF1 = -1;
        for (double t : scores) {
            int tp = 0;
            int fp = 0;
            int fn = 0;
            for (int i = 0; i < scores.length; i++) {
                boolean predicted = scores[i] >= t;
                tp += predicted && same[i] ? 1 : 0;
                fp += predicted && !same[i] ? 1 : 0;
                fn += !predicted && same[i] ? 1 : 0;
            }
            double f1 = tp == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + fn);
            if (f1 > bestF1) {
                bestF1 = f1;
                best = t;
            }
        }
        return best;
    }

    /** The probability that a random same-meaning pair scores above a random different one. */
    static double rocAuc(double[] scores, boolean[] same) {
        long above = 0;
        long ties = 0;
        long pairs = 0;
        for (int i = 0; i < scores.length; i++) {
            if (!same[i]) {
                continue;
            }
            for (int j = 0; j < scores.length; j++) {
                if (same[j]) {
                    continue;
                }
                pairs++;
                if (scores[i] > scores[j]) {
                    above++;
                } else if (scores[i] == scores[j]) {
                    ties++;
                }
            }
        }
        return pairs == 0 ? Double.NaN : (above + ties / 2.0) / pairs;
    }

    private static Set<String> tokens(KbTerms terms, String text) {
        return new HashSet<>(terms.of(text));
    }

    private static double jaccard(Set<String> a, Set<String> b) {
        if (a.isEmpty() && b.isEmpty()) {
            return 0;
        }
        Set<String> union = new HashSet<>(a);
        union.addAll(b);
        Set<String> both = new HashSet<>(a);
        both.retainAll(b);
        return (double) both.size() / union.size();
    }

    private static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    private static double[] slice(double[] a, int from, int to) {
        double[] out = new double[to - from];
        System.arraycopy(a, from, out, 0, out.length);
        return out;
    }

    private static boolean[] slice(boolean[] a, int from, int to) {
        boolean[] out = new boolean[to - from];
        System.arraycopy(a, from, out, 0, out.length);
        return out;
    }
}
