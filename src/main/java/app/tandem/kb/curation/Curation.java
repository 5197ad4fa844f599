package app.tandem.kb.curation;

import app.tandem.kb.Article;
import app.tandem.kb.ArticleStatus;
import app.tandem.kb.KnowledgeBase;
import app.tandem.security.AuditLog;
import app.tandem.security.User;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How supervisors curate the knowledge base: the workflow (draft, review, published, archived),
 * new articles, versions with diffs and restore, autosaved drafts, and usage. Every save is a new
 * version; publishing, archiving and restoring go to the audit log.
 */
public final class Curation {

    private static final Logger log = LoggerFactory.getLogger(Curation.class);

    private final KnowledgeBase kb;
    private final ArticleHistory history;
    private final DraftRepository drafts;
    private final ArticleUsageRepository usage;
    private final AuditLog audit;
    private final Clock clock;

    public Curation(KnowledgeBase kb, ArticleHistory history, DraftRepository drafts, ArticleUsageRepository usage,
                    AuditLog audit, Clock clock) {
        this.kb = kb;
        this.history = history;
        this.drafts = drafts;
        this.usage = usage;
        this.audit = audit;
        this.clock = clock;
    }

    /** Agents may write drafts and submit for review; only supervisors and admins publish or archive. */
    public static boolean mayMoveTo(User user, ArticleStatus status) {
        return user.mayEditKnowledgeBase() || status == ArticleStatus.DRAFT || status == ArticleStatus.IN_REVIEW;
    }

    /**
     * A new, unsaved article: its id is the title's slug and the language. Fails when the title is
     * empty, the language unknown, or an article with that id exists.
     */
    public Article newArticle(User user, String title, String language, Optional<String> translationOf) {
        if (title == null || title.isBlank()) {
            throw new ArticleRefusedException(ArticleRefusedException.Reason.NO_TITLE);
        }
        if (!List.of("en", "zh").contains(language)) {
            throw new ArticleRefusedException(ArticleRefusedException.Reason.BAD_LANGUAGE, String.valueOf(language));
        }
        String id = ArticleIds.forTitle(title, language);
        ArticleIds.problem(id, language).ifPresent(p -> {
            throw p;
        });
        if (kb.find(id).isPresent()) {
            throw new ArticleRefusedException(ArticleRefusedException.Reason.EXISTS, id);
        }
        return new Article(id, title.strip(), language, ArticleStatus.DRAFT, List.of(), List.of(), translationOf, "", 0,
                clock.instant(), user.username());
    }

    /**
     * Saves the edit as a new version, searchable before this returns; the person's draft of it is
     * then dropped. Fails with {@code StaleArticleException} when someone saved since {@code expectedVersion}.
     */
    public Article save(User user, Article edited, int expectedVersion) {
        if (!mayMoveTo(user, edited.status())) {
            throw NotPermittedException.setStatus(edited.status().name());
        }
        if (edited.title().isBlank() || edited.body().isBlank()) {
            throw new ArticleRefusedException(ArticleRefusedException.Reason.NO_TITLE_OR_BODY);
        }
        if (expectedVersion == 0) {
            ArticleIds.problem(edited.id(), edited.language()).ifPresent(p -> {
                throw p;
            });
        }
        Article saved = kb.save(edited, expectedVersion, user.username());
        if (saved.status() == ArticleStatus.ARCHIVED) {
            audit.record(user.username(), "kb.archive", saved.id(), "version " + saved.version());
        }
        drafts.delete(saved.id(), user.username());
        log.info("{} saved {} as version {} ({})", user.username(), saved.id(), saved.version(), saved.status());
        return saved;
    }

    public List<ArticleVersion> versions(String articleId) {
        return history.versions(articleId);
    }

    /** The line diff from version {@code from} to version {@code to} of one article. */
    public List<DiffLine> diff(String articleId, int from, int to) {
        Article current = kb.find(articleId).orElseThrow(() -> new IllegalArgumentException("No article " + articleId));
        Article a = version(articleId, from).asArticle(current);
        Article b = version(articleId, to).asArticle(current);
        return ArticleDiff.between(a, b);
    }

    /**
     * Makes an old version current again, as a new version (history is never rewritten). Only
     * supervisors and admins restore; the restore is audited.
     */
    public Article restore(User user, String articleId, int version, int expectedVersion) {
        if (!user.mayEditKnowledgeBase()) {
            throw NotPermittedException.restoreVersion();
        }
        Article current = kb.find(articleId).orElseThrow(() -> new IllegalArgumentException("No article " + articleId));
        Article old = version(articleId, version).asArticle(current);
        Article saved = kb.save(old, expectedVersion, user.username());
        audit.record(user.username(), "kb.restore", articleId, "version " + version + " restored as version " + saved.version());
        return saved;
    }

    private ArticleVersion version(String articleId, int version) {
        return history.version(articleId, version)
                .orElseThrow(() -> new IllegalArgumentException("Article " + articleId + " has no version " + version));
    }

    /** Autosaves what the person is typing; not a version, not searchable, only theirs. */
    public ArticleDraft saveDraft(User user, Article content, int baseVersion) {
        ArticleDraft draft = new ArticleDraft(user.username(), content, baseVersion, clock.instant());
        drafts.save(draft);
        return draft;
    }

    public Optional<ArticleDraft> draft(User user, String articleId) {
        return drafts.find(articleId, user.username());
    }

    public List<ArticleDraft> drafts(User user) {
        return drafts.forUser(user.username());
    }

    public void discardDraft(User user, String articleId) {
        drafts.delete(articleId, user.username());
    }

    public Map<String, ArticleUsage> usage() {
        return usage.usageByArticle();
    }

    public ArticleUsage usage(String articleId) {
        return usage.usageByArticle().getOrDefault(articleId, ArticleUsage.none(articleId));
    }
}
