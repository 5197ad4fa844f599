package app.tandem.kb;

/**
 * An article found by a search, with its best passage: where the agent should look, and what a
 * suggested reply can quote. {@code score} is the raw retrieval score (BM25), higher is better.
 */
public record ArticleHit(String articleId, int version, String title, String language, int passageIndex,
                         String passage, Snippet snippet, double score) {}
