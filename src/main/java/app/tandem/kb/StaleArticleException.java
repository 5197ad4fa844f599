package app.tandem.kb;

/** Another person saved the article after this editor opened it. */
public final class StaleArticleException extends RuntimeException {

    public StaleArticleException(String articleId, int expected, int actual) {
        super("\"" + articleId + "\" was changed by someone else (version " + actual + ", you edited version "
                + expected + "). Reopen it to see their change.");
    }
}
