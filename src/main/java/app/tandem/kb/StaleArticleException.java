package app.tandem.kb;

/**
 * Another person saved the article after this editor opened it. The article id and versions are
 * data, so the desk can say it in the person's language; the message is the English for the log.
 */
public final class StaleArticleException extends RuntimeException {

    private final String articleId;
    private final int expected;
    private final int actual;

    public StaleArticleException(String articleId, int expected, int actual) {
        super("\"" + articleId + "\" was changed by someone else (version " + actual + ", you edited version "
                + expected + "). Reopen it to see their change.");
        this.articleId = articleId;
        this.expected = expected;
        this.actual = actual;
    }

    public String articleId() {
        return articleId;
    }

    /** The version the editor opened. */
    public int expected() {
        return expected;
    }

    /** The version someone else saved meanwhile. */
    public int actual() {
        return actual;
    }
}
