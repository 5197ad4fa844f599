package app.tandem.kb;

/**
 * An article the search index left out because its documents could not be made or added (text an older
 * Tandem let in that breaks the passage splitter or Lucene): agents cannot find it until it is edited.
 *
 * @param reason what failed, for the log (never shown to a person as it stands)
 */
public record UnindexedArticle(String articleId, String reason) {

    static UnindexedArticle of(Article article, Throwable problem) {
        return new UnindexedArticle(article.id(), problem.toString());
    }
}
