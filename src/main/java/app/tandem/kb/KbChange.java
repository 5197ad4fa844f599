package app.tandem.kb;

/** One row of the database's knowledge-base change feed: change {@code seq} touched {@code articleId}. */
public record KbChange(long seq, String articleId) {}
