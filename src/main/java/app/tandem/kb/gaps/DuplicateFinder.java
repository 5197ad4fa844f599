package app.tandem.kb.gaps;

import app.tandem.kb.Article;
import app.tandem.kb.ArticleStatus;
import app.tandem.work.Progress;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Finds near-identical articles: same language, sentence vectors of title and opening text at
 * least {@link #THRESHOLD} apart in cosine. Needs the language models; says so when they are not loaded.
 */
public final class DuplicateFinder {

    /**
     * Measured on the shipped knowledge base (docs/kb-editor.md): the closest pair of distinct
     * articles is below this, and a lightly reworded copy of an article is well above.
     */
    public static final double THRESHOLD = 0.92;
    private static final int OPENING = 400;

    private final SentenceVectors vectors;

    public DuplicateFinder(SentenceVectors vectors) {
        this.vectors = vectors;
    }

    /** Empty when the models are not loaded; else the pairs, most similar first. */
    public Optional<List<DuplicatePair>> find(List<Article> articles, double threshold, Progress progress) {
        List<Article> live = articles.stream().filter(a -> a.status() != ArticleStatus.ARCHIVED).toList();
        progress.update(0, 2, "Reading the articles' meaning");
        List<SentenceVectors.Vector> vs = new ArrayList<>();
        for (Optional<SentenceVectors.Vector> v : vectors.vectors(live.stream().map(DuplicateFinder::text).toList())) {
            if (v.isEmpty()) {
                return Optional.empty();
            }
            vs.add(v.get());
        }
        progress.checkCancelled();
        progress.update(1, 2, "Comparing articles");
        List<DuplicatePair> pairs = new ArrayList<>();
        for (int i = 0; i < live.size(); i++) {
            for (int j = i + 1; j < live.size(); j++) {
                Article a = live.get(i);
                Article b = live.get(j);
                if (!a.language().equals(b.language())) {
                    continue;
                }
                double s = vs.get(i).cosine(vs.get(j));
                if (s >= threshold) {
                    pairs.add(new DuplicatePair(a.id(), a.title(), b.id(), b.title(), a.language(), s));
                }
            }
        }
        pairs.sort(Comparator.comparingDouble(DuplicatePair::similarity).reversed());
        progress.update(2, 2, pairs.size() + " pairs");
        return Optional.of(pairs);
    }

    /** Every same-language pair's similarity, for measuring the threshold. */
    public Optional<List<DuplicatePair>> allPairs(List<Article> articles, Progress progress) {
        return find(articles, -1, progress);
    }

    static String text(Article a) {
        String body = a.body().length() > OPENING ? a.body().substring(0, OPENING) : a.body();
        return a.title() + "\n" + body;
    }
}
