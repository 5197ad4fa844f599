package app.tandem.kb;

import java.util.Optional;

/**
 * An article found by a search, with its best passage: where the agent should look, and what a
 * suggested reply can quote. {@code score} ranks hits within one search (BM25, fused rank or blend:
 * higher is better, not comparable across modes). {@code similarity} is the cosine between the
 * query's and the best passage's sentence vectors, or NaN when vectors were not used.
 * {@code matchedQuestion} is the learned customer question that matched, when that is what found it.
 */
public record ArticleHit(String articleId, int version, String title, String language, int passageIndex,
                         String passage, Snippet snippet, double score, double similarity,
                         Optional<String> matchedQuestion) {

    public boolean hasSimilarity() {
        return !Double.isNaN(similarity);
    }
}
