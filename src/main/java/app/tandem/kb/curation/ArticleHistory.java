package app.tandem.kb.curation;

import app.tandem.kb.Article;
import java.util.List;
import java.util.Optional;

/** The version history of articles, and writing many articles at once (imports). */
public interface ArticleHistory {

    /** Every version of the article, newest first. */
    List<ArticleVersion> versions(String articleId);

    Optional<ArticleVersion> version(String articleId, int version);

    /**
     * Stores every article as a new version (its current version + 1, or 1 when new) in one
     * transaction: all are stored, or none. Returns what was stored.
     */
    List<Article> saveAll(List<Article> articles, String author);
}
