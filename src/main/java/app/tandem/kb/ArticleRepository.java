package app.tandem.kb;

import java.util.List;
import java.util.Optional;

/** Where articles and their version history are kept. */
public interface ArticleRepository {

    /**
     * Stores the article as a new version (its {@code version} + 1, or 1 for a new one), committed
     * before it returns. Fails with {@link StaleArticleException} when {@code expectedVersion} is
     * not the current version: somebody else saved in between.
     */
    Article save(Article article, int expectedVersion, String author);

    /** Inserts all articles as version 1 in one transaction: all are stored, or none. */
    void insertAll(List<Article> articles, String author);

    Optional<Article> find(String id);

    List<Article> all();

    long count();
}
