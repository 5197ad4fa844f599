package app.tandem.kb;

/** A knowledge-base file that cannot be read as an article; the message names the problem. */
public final class ArticleFormatException extends IllegalArgumentException {

    public ArticleFormatException(String message) {
        super(message);
    }
}
