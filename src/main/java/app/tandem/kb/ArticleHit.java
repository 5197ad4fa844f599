package app.tandem.kb;

import java.util.Optional;

/**
 * An article found by a search, with its best passage: where the agent should look, and what a
 * suggested reply can quote. {@code score} is the raw retrieval score, higher is better.
 * {@code matchedQuestion} is the learned customer question that matched, when that is what found it.
 */
public record ArticleHit(String articleId, int version, String title, String language, int passageIndex,
                         String passage, Snippet snippet, double score, Optional<String> matchedQuestion) {}
