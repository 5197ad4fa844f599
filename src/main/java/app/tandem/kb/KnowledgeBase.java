package app.tandem.kb;

import app.tandem.security.AuditLog;
import app.tandem.work.Progress;
import java.util.List;
import java.util.Optional;

/**
 * The knowledge base as the rest of Tandem sees it: articles in the database, kept in step with
 * their search index. The database is the truth; the index is rebuilt from it whenever in doubt.
 */
public final class KnowledgeBase {

    private final ArticleRepository articles;
    private final KbIndex index;
    private final AuditLog audit;

    public KnowledgeBase(ArticleRepository articles, KbIndex index, AuditLog audit) {
        this.articles = articles;
        this.index = index;
        this.audit = audit;
    }

    /** What seeding found: how many articles were stored, and the files that were skipped. */
    public record SeedReport(int stored, List<KbFolder.Problem> skipped) {}

    /** Seeds an empty database from the given folder contents; does nothing when articles exist. */
    public SeedReport seedIfEmpty(KbFolder.Contents contents) {
        if (articles.count() > 0) {
            return new SeedReport(0, List.of());
        }
        articles.insertAll(contents.articles(), "seed");
        audit.record("seed", "kb.seed", "knowledge base", contents.articles().size() + " articles, "
                + contents.problems().size() + " files skipped");
        return new SeedReport(contents.articles().size(), contents.problems());
    }

    /** True when the index is missing, damaged, or out of step with the database. */
    public boolean indexNeedsRebuild() {
        return index.articleCount() != articles.count();
    }

    public void rebuildIndex(Progress progress) {
        index.rebuild(articles.all(), progress);
    }

    public List<ArticleHit> search(String text, SearchFilter filter, int limit) {
        return index.search(text, filter, limit);
    }

    public Optional<Article> find(String id) {
        return articles.find(id);
    }

    public List<Article> all() {
        return articles.all();
    }

    public long count() {
        return articles.count();
    }

    /**
     * Saves an edit as a new version and makes it searchable before returning. {@code expectedVersion}
     * is the version the editor started from.
     */
    public Article save(Article edited, int expectedVersion, String author) {
        Article saved = articles.save(edited, expectedVersion, author);
        index.put(saved);
        if (saved.status() == ArticleStatus.PUBLISHED) {
            audit.record(author, "kb.publish", saved.id(), "version " + saved.version());
        }
        return saved;
    }

    public int indexedPassages() {
        return index.passageCount();
    }
}
