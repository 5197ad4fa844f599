package app.tandem.kb;

import app.tandem.nlp.LanguageDetector;
import app.tandem.privacy.Redactor;
import app.tandem.security.AuditLog;
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
    private final LanguageDetector languages = new LanguageDetector();
    private volatile SemanticEncoders encoders = SemanticEncoders.none();

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

    /**
     * True when the index is missing, damaged, out of step with the database, or built in another
     * vector space than the encoders now in use.
     */
    public boolean indexNeedsRebuild() {
        SemanticEncoders current = encoders;
        boolean otherSpace = ArticleFile.LANGUAGES.stream()
                .anyMatch(lang -> !current.space(lang).equals(index.vectorSpace(lang)));
        return index.articleCount() != articles.count() || otherSpace && articles.count() > 0;
    }

    public void rebuildIndex(Progress progress) {
        Map<String, List<AlternateQuestion>> questions = articles.allQuestions().stream()
                .collect(Collectors.groupingBy(AlternateQuestion::articleId));
        index.rebuild(articles.all(), questions, encoders, progress);
    }

    /**
     * Switches to these sentence encoders (they load after start-up) and re-encodes the index when it
     * was built in another vector space. Searches keep working meanwhile, on keywords.
     * Returns true when the index was rebuilt.
     */
    public boolean useEncoders(SemanticEncoders semantic, Progress progress) {
        this.encoders = semantic;
        if (indexNeedsRebuild()) {
            rebuildIndex(progress);
            return true;
        }
        return false;
    }

    /** True when searches use sentence vectors for text in this language. */
    public boolean hasVectors(String language) {
        return encoders.forLanguage(language).isPresent()
                && index.vectorSpace(language).equals(encoders.space(language));
    }

    /** Keywords and meaning blended where vectors are available, else keywords. */
    public List<ArticleHit> search(String text, SearchFilter filter, int limit) {
        return search(text, filter, limit, RetrievalMode.BLEND);
    }

    public List<ArticleHit> search(String text, SearchFilter filter, int limit, RetrievalMode mode) {
        return index.search(text, queryVector(text, filter), filter, limit, mode);
    }

    /**
     * Like {@link #search(String, SearchFilter, int)} with a query vector the caller computed (a
     * conversation's weighted context); the vector is ignored when the index has none in its language.
     */
    public List<ArticleHit> search(String text, QueryVector vector, SearchFilter filter, int limit) {
        Optional<QueryVector> usable = hasVectors(vector.language()) ? Optional.of(vector) : queryVector(text, filter);
        return index.search(text, usable, filter, limit, RetrievalMode.BLEND);
    }

    /** The sentence encoders searches use now (none while the models load). */
    public SemanticEncoders encoders() {
        return encoders;
    }

    /** The language whose articles a text is compared with: the filter's, else the text's own script. */
    public String languageOf(String text) {
        return languages.detect(text == null ? "" : text).code();
    }

    private Optional<QueryVector> queryVector(String text, SearchFilter filter) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String language = filter.language().orElseGet(() -> languageOf(text));
        if (!hasVectors(language)) {
            return Optional.empty();
        }
        String cut = text.length() > KbIndex.MAX_QUERY_CHARS ? text.substring(0, KbIndex.MAX_QUERY_CHARS) : text;
        return encoders.forLanguage(language).map(e -> new QueryVector(language, e.encodeQuery(cut)));
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
     * is the version the editor started from. A body nested deeper than {@link MarkdownLimits#MAX_DEPTH} is
     * refused ({@link ArticleFormatException}, {@link ArticleProblem.Kind#TOO_DEEP}) and nothing is written.
     */
    public Article save(Article edited, int expectedVersion, String author) {
        // The editor's saves and restores come through here, not through ArticleFile: same door, before the write.
        MarkdownLimits.check(edited.id(), edited.body());
        Article saved = articles.save(edited, expectedVersion, author);
        index.put(saved, articles.questions(saved.id()), encoders);
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
            index.put(article.get(), articles.questions(articleId), encoders);
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
            articles.find(articleId).ifPresent(a -> index.put(a, articles.questions(articleId), encoders));
            audit.record(actor, "kb.question.remove", articleId, "question " + questionId);
        });
    }

    public int indexedPassages() {
        return index.passageCount();
    }
}
