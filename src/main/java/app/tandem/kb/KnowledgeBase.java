package app.tandem.kb;

import app.tandem.security.AuditLog;
import app.tandem.security.Redactor;
import app.tandem.work.Progress;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/**
 * The knowledge base as the rest of Tandem sees it: articles in the database, kept in step with
 * their search index. The database is the truth; the index is rebuilt from it whenever in doubt.
 */
public final class KnowledgeBase {

    /** Longer texts are not questions but pasted documents: they are not learned. */
    static final int MAX_QUESTION_LENGTH = 2000;

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
        Map<String, List<AlternateQuestion>> questions = articles.allQuestions().stream()
                .collect(Collectors.groupingBy(AlternateQuestion::articleId));
        index.rebuild(articles.all(), questions, progress);
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
        index.put(saved, articles.questions(saved.id()));
        if (saved.status() == ArticleStatus.PUBLISHED) {
            audit.record(author, "kb.publish", saved.id(), "version " + saved.version());
        }
        return saved;
    }

    /**
     * Learns that {@code article} answered this customer question: the question, with personal data
     * masked, is stored and searched from now on. Returns empty when it was already known.
     */
    public Optional<AlternateQuestion> learnQuestion(String articleId, String question, OptionalLong conversationId,
                                                     String actor) {
        String redacted = Redactor.redact(question).strip();
        if (redacted.isEmpty() || redacted.length() > MAX_QUESTION_LENGTH) {
            return Optional.empty();
        }
        Optional<Article> article = articles.find(articleId);
        if (article.isEmpty()) {
            return Optional.empty();
        }
        Optional<AlternateQuestion> added = articles.addQuestion(articleId, redacted, conversationId, actor);
        added.ifPresent(q -> {
            index.put(article.get(), articles.questions(articleId));
            audit.record(actor, "kb.question.learn", articleId, "question " + q.id());
        });
        return added;
    }

    public List<AlternateQuestion> questions(String articleId) {
        return articles.questions(articleId);
    }

    /** A supervisor removes a learned question that does not belong to the article. */
    public void removeQuestion(long questionId, String actor) {
        articles.removeQuestion(questionId).ifPresent(articleId -> {
            articles.find(articleId).ifPresent(a -> index.put(a, articles.questions(articleId)));
            audit.record(actor, "kb.question.remove", articleId, "question " + questionId);
        });
    }

    public int indexedPassages() {
        return index.passageCount();
    }
}
