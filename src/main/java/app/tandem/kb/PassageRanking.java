package app.tandem.kb;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.search.ScoreDoc;

/**
 * Fuses a keyword ranking and a vector ranking of passages into one. Reciprocal rank fusion needs
 * no score calibration; the blend mixes max-normalised BM25 with cosine similarity.
 */
final class PassageRanking {

    /** The usual RRF constant (Cormack et al. 2009): damps the weight of the very top ranks. */
    static final int RRF_K = 60;
    /**
     * Share of BM25 in the blend, chosen with {@code eval retrieval} on the Banking77 validation split
     * (0.3: cold top-3 85.5%, warm top-1 91.4%; 0.1: 85.7% and 93.7%).
     */
    static final double BLEND_KEYWORD_WEIGHT = 0.1;

    /** A passage document with its fused score and, when the vector ranking saw it, its cosine. */
    record Ranked(int doc, double score, double cosine) {}

    private PassageRanking() {}

    static List<Ranked> keywordsOnly(ScoreDoc[] keywords) {
        List<Ranked> out = new ArrayList<>();
        for (ScoreDoc sd : keywords) {
            out.add(new Ranked(sd.doc, sd.score, Double.NaN));
        }
        return out;
    }

    static List<Ranked> vectorsOnly(ScoreDoc[] vectors) {
        List<Ranked> out = new ArrayList<>();
        for (ScoreDoc sd : vectors) {
            out.add(new Ranked(sd.doc, cosine(sd.score), cosine(sd.score)));
        }
        return out;
    }

    static List<Ranked> reciprocalRank(ScoreDoc[] keywords, ScoreDoc[] vectors) {
        Map<Integer, double[]> byDoc = new HashMap<>();
        for (int i = 0; i < keywords.length; i++) {
            byDoc.computeIfAbsent(keywords[i].doc, d -> new double[] {0, Double.NaN})[0] += 1.0 / (RRF_K + i + 1);
        }
        for (int i = 0; i < vectors.length; i++) {
            double[] entry = byDoc.computeIfAbsent(vectors[i].doc, d -> new double[] {0, Double.NaN});
            entry[0] += 1.0 / (RRF_K + i + 1);
            entry[1] = cosine(vectors[i].score);
        }
        return sorted(byDoc);
    }

    static List<Ranked> blend(ScoreDoc[] keywords, ScoreDoc[] vectors) {
        double max = keywords.length == 0 ? 1 : keywords[0].score;
        Map<Integer, double[]> byDoc = new HashMap<>();
        for (ScoreDoc sd : keywords) {
            byDoc.computeIfAbsent(sd.doc, d -> new double[] {0, Double.NaN})[0] += BLEND_KEYWORD_WEIGHT * sd.score / max;
        }
        for (ScoreDoc sd : vectors) {
            double[] entry = byDoc.computeIfAbsent(sd.doc, d -> new double[] {0, Double.NaN});
            entry[1] = cosine(sd.score);
            entry[0] += (1 - BLEND_KEYWORD_WEIGHT) * entry[1];
        }
        return sorted(byDoc);
    }

    private static List<Ranked> sorted(Map<Integer, double[]> byDoc) {
        List<Ranked> out = new ArrayList<>();
        byDoc.forEach((doc, v) -> out.add(new Ranked(doc, v[0], v[1])));
        out.sort(Comparator.comparingDouble(Ranked::score).reversed().thenComparingInt(Ranked::doc));
        return out;
    }

    /** Lucene scores DOT_PRODUCT vectors as (1 + dot) / 2; for unit vectors dot is the cosine. */
    static double cosine(float luceneScore) {
        return 2.0 * luceneScore - 1.0;
    }
}
