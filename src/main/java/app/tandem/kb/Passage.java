package app.tandem.kb;

/** One to three sentences of an article: the unit retrieval scores and suggestions quote. */
public record Passage(String articleId, int index, String text) {}
