package app.tandem.kb.curation;

import app.tandem.kb.Article;
import java.time.Instant;

/**
 * An editor's unsaved work on one article, autosaved while typing. {@code baseVersion} is the
 * version the editor started from (0 for an article not created yet); the draft is not a version.
 */
public record ArticleDraft(String username, Article content, int baseVersion, Instant savedAt) {

    public String articleId() {
        return content.id();
    }
}
