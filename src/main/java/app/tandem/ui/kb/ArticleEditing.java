package app.tandem.ui.kb;

import app.tandem.kb.Article;
import app.tandem.kb.KnowledgeBase;
import app.tandem.kb.curation.ArticleDraft;
import app.tandem.kb.curation.ArticleUsage;
import app.tandem.kb.curation.Curation;
import app.tandem.security.User;
import java.util.List;
import java.util.Optional;

/**
 * What the article editor asks of the knowledge base and its curation. Without curation (a desk
 * that has none) there are no drafts, no usage and no new articles, and a save goes straight to the
 * knowledge base. The editor's tests answer from memory; the desk from the real services ({@link #of}).
 */
public interface ArticleEditing {

    /** Whether drafts, usage and new articles are there. */
    boolean curates();

    Optional<Article> find(String articleId);

    List<Article> all();

    Optional<ArticleDraft> draft(User user, String articleId);

    ArticleUsage usage(String articleId);

    ArticleDraft saveDraft(User user, Article content, int baseVersion);

    void discardDraft(User user, String articleId);

    Article newArticle(User user, String title, String language, Optional<String> translationOf);

    /** A new version of {@code edited}; fails with a stale-article error when it is no longer {@code expectedVersion}. */
    Article save(User user, Article edited, int expectedVersion);

    static ArticleEditing of(KnowledgeBase kb, Optional<Curation> curation) {
        return new ArticleEditing() {
            @Override
            public boolean curates() {
                return curation.isPresent();
            }

            @Override
            public Optional<Article> find(String articleId) {
                return kb.find(articleId);
            }

            @Override
            public List<Article> all() {
                return kb.all();
            }

            @Override
            public Optional<ArticleDraft> draft(User user, String articleId) {
                return curation.flatMap(c -> c.draft(user, articleId));
            }

            @Override
            public ArticleUsage usage(String articleId) {
                return curation.map(c -> c.usage(articleId)).orElse(ArticleUsage.none(articleId));
            }

            @Override
            public ArticleDraft saveDraft(User user, Article content, int baseVersion) {
                return curation().saveDraft(user, content, baseVersion);
            }

            @Override
            public void discardDraft(User user, String articleId) {
                curation().discardDraft(user, articleId);
            }

            @Override
            public Article newArticle(User user, String title, String language, Optional<String> translationOf) {
                return curation().newArticle(user, title, language, translationOf);
            }

            @Override
            public Article save(User user, Article edited, int expectedVersion) {
                return curation.isPresent() ? curation.get().save(user, edited, expectedVersion)
                        : kb.save(edited, expectedVersion, user.username());
            }

            private Curation curation() {
                return curation.orElseThrow(() -> new IllegalStateException("no curation on this desk"));
            }
        };
    }
}
