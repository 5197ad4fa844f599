package app.tandem.kb.curation;

import java.util.List;
import java.util.Optional;

/** Where each person's autosaved drafts are kept, one per article. */
public interface DraftRepository {

    /** Stores or replaces the person's draft of the article, committed before it returns. */
    void save(ArticleDraft draft);

    Optional<ArticleDraft> find(String articleId, String username);

    /** The person's drafts, newest first (including drafts of articles not created yet). */
    List<ArticleDraft> forUser(String username);

    void delete(String articleId, String username);
}
