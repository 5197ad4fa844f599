package app.tandem.nlp.sentiment;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Accuracy, macro-F1 and a confusion matrix of a classifier on labelled turns. */
public final class SentimentEvaluation {

    /** {@code confusion[gold][predicted]} in {@link Sentiment} order. */
    public record Report(String setting, int turns, double accuracy, double macroF1, Map<Sentiment, Double> f1,
                         int[][] confusion) {}

    /** Binary check: flagged (negative, angry or urgent) against a gold negative/positive label. */
    public record BinaryReport(String setting, int texts, double accuracy, double macroF1, double negativeRecall,
                               double negativePrecision) {}

    private SentimentEvaluation() {}

    /** {@code classify} labels all texts at once, in order (so it can batch the encoder). */
    public static Report evaluate(String setting, List<LabelledTurn> turns, Function<List<String>, List<Sentiment>> classify) {
        int k = Sentiment.values().length;
        int[][] confusion = new int[k][k];
        int right = 0;
        List<Sentiment> predictions = classify.apply(turns.stream().map(LabelledTurn::text).toList());
        for (int i = 0; i < turns.size(); i++) {
            LabelledTurn t = turns.get(i);
            Sentiment predicted = predictions.get(i);
            confusion[t.label().ordinal()][predicted.ordinal()]++;
            if (predicted == t.label()) {
                right++;
            }
        }
        Map<Sentiment, Double> f1 = new EnumMap<>(Sentiment.class);
        double sum = 0;
        for (Sentiment s : Sentiment.values()) {
            int c = s.ordinal();
            int tp = confusion[c][c];
            int predicted = 0;
            int gold = 0;
            for (int i = 0; i < k; i++) {
                predicted += confusion[i][c];
                gold += confusion[c][i];
            }
            double f = f1(tp, predicted, gold);
            f1.put(s, f);
            sum += f;
        }
        return new Report(setting, turns.size(), turns.isEmpty() ? 0 : (double) right / turns.size(), sum / k, f1, confusion);
    }

    /** {@code negative[i]} is the gold label of {@code texts[i]}; a flagged prediction counts as negative. */
    public static BinaryReport evaluateBinary(String setting, List<String> texts, List<Boolean> negative,
                                              Function<List<String>, List<Sentiment>> classify) {
        List<Sentiment> predictions = classify.apply(texts);
        int tp = 0;
        int fp = 0;
        int fn = 0;
        int tn = 0;
        for (int i = 0; i < texts.size(); i++) {
            boolean flagged = predictions.get(i).flagged();
            boolean gold = negative.get(i);
            if (flagged && gold) {
                tp++;
            } else if (flagged) {
                fp++;
            } else if (gold) {
                fn++;
            } else {
                tn++;
            }
        }
        int n = texts.size();
        double f1Negative = f1(tp, tp + fp, tp + fn);
        double f1Positive = f1(tn, tn + fn, tn + fp);
        return new BinaryReport(setting, n, n == 0 ? 0 : (double) (tp + tn) / n, (f1Negative + f1Positive) / 2,
                tp + fn == 0 ? 0 : (double) tp / (tp + fn), tp + fp == 0 ? 0 : (double) tp / (tp + fp));
    }

    private static double f1(int tp, int predicted, int gold) {
        if (tp == 0) {
            return 0;
        }
        double precision = (double) tp / predicted;
        double recall = (double) tp / gold;
        return 2 * precision * recall / (precision + recall);
    }
}
