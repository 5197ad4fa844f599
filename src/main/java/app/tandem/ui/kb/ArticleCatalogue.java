package app.tandem.ui.kb;

import app.tandem.kb.Article;
import app.tandem.kb.ArticleHit;
import app.tandem.kb.KnowledgeBase;
import app.tandem.kb.SearchFilter;
import app.tandem.kb.curation.ArticleDraft;
import app.tandem.kb.curation.ArticleUsage;
import app.tandem.kb.curation.Curation;
import app.tandem.security.User;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the article list reads: every article, a search, how often each was used, and a person's
 * drafts. The list's tests answer these from memory; the desk from the knowledge base and its curation.
 */
public interface ArticleCatalogue {

    List<Article> all();

    List<ArticleHit> search(String text, SearchFilter filter, int limit);

    /** Usage by article id; empty without curation. */
    Map<String, ArticleUsage> usage();

    /** {@code user}'s drafts; empty without curation. */
    List<ArticleDraft> drafts(User user);

    static ArticleCatalogue of(KnowledgeBase kb, Optional<Curation> curation) {
        return new ArticleCatalogue() {
            @Override
            public List<Article> all() {
                return kb.all();
            }

            @Override
            public List<ArticleHit> search(String text, SearchFilter filter, int limit) {
                return kb.search(text, filter, limit);
            }

            @Override
            public Map<String, ArticleUsage> usage() {
                return curation.map(Curation::usage).orElse(Map.of());
            }

            @Override
            public List<ArticleDraft> drafts(User user) {
                return curation.map(c -> c.drafts(user)).orElse(List.of());
            }
        };
    }
}
