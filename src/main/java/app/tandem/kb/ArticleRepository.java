package app.tandem.kb;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Where articles and their version history are kept. Every write that changes what the search index holds
 * (a new version, a learned question added or removed) is counted as a database change in the same
 * transaction, so the index can tell what changed since the change it reflects.
 */
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

    /** Adds a learned question; returns empty when the article already has exactly this question. */
    Optional<AlternateQuestion> addQuestion(String articleId, String text, OptionalLong conversationId, String actor);

    List<AlternateQuestion> questions(String articleId);

    /** Every learned question, for rebuilding the index. */
    List<AlternateQuestion> allQuestions();

    /** Removes a question; returns the article it belonged to, if it existed. */
    Optional<String> removeQuestion(long questionId);

    /** The number of the last change to articles or their questions; 0 when there was none. */
    long lastChange();

    /** The articles changed after change {@code change}, by id (one that no longer exists was removed). */
    Set<String> changedSince(long change);

    /** The changes numbered after {@code change}, in number order: which article each touched. */
    List<KbChange> changesSince(long change);

    /** The current version of each article, by id. */
    Map<String, Integer> versions();
}
