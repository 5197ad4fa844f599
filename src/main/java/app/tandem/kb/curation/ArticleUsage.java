package app.tandem.kb.curation;

import java.time.Instant;
import java.util.Optional;

/**
 * How agents used an article's suggestions: times shown, inserted into a reply (as is or edited),
 * inserted as is, and when last inserted.
 */
public record ArticleUsage(String articleId, long shown, long inserted, long acceptedAsIs, Optional<Instant> lastUsed) {

    public static ArticleUsage none(String articleId) {
        return new ArticleUsage(articleId, 0, 0, 0, Optional.empty());
    }
}
