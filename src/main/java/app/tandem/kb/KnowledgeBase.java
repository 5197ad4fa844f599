package app.tandem.kb;

import app.tandem.nlp.LanguageDetector;
import app.tandem.privacy.Redactor;
import app.tandem.security.AuditLog;
import app.tandem.work.LateChanges;
import app.tandem.work.Progress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The knowledge base as the rest of Tandem sees it: articles in the database, kept in step with
 * their search index. The database is the truth; the index records the last database change it
 * reflects, is caught up from there, and is rebuilt from the database whenever in doubt.
 */
public final class KnowledgeBase {

    /** Longer texts are not questions but pasted documents: they are not learned. */
    static final int MAX_QUESTION_LENGTH = 2000;

    private static final Logger log = LoggerFactory.getLogger(KnowledgeBase.class);

    private final ArticleRepository articles;
    private final KbIndex index;
    private final AuditLog audit;
    private final LanguageDetector languages = new LanguageDetector();
    /** Held by every write to articles and questions together with its index update (see reconcileIndex). */
    private final Object lock = new Object();
    /** What a seat following the office database has applied lately (see {@link #followOffice()}). */
    private final LateChanges late = new LateChanges(System::nanoTime);
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
        synchronized (lock) {
            if (articles.count() > 0) {
                return new SeedReport(0, List.of());
            }
            // Left to the start's reconcileIndex, which finds a new index and builds it with progress.
            articles.insertAll(contents.articles(), "seed");
        }
        audit.record("seed", "kb.seed", "knowledge base", contents.articles().size() + " articles, "
                + contents.problems().size() + " files skipped");
        return new SeedReport(contents.articles().size(), contents.problems());
    }

    /**
     * Brings the index into agreement with the database, as at every start: rebuilt (with progress) when it
     * has no change mark, its mark is ahead of the database (a restored or replaced database), or it was
     * encoded with other sentence encoders than those in use; otherwise the articles changed since its mark
     * are re-indexed, with those that lack vectors the encoders in use can now give. Rebuilt too when an
     * article's indexed version still differs from the database's after that. Cheap when nothing changed,
     * and safe to call at any time.
     *
     * <p>Within this process every write to articles and questions goes through this class's lock, so the
     * mark never passes a change the index has not seen. The order of commits from several processes over
     * one database is left to issue 17.
     */
    public IndexCheck reconcileIndex(Progress progress) {
        Optional<IndexCheck.Why> why;
        synchronized (lock) {
            why = rebuildReason();
            if (why.isEmpty()) {
                int caughtUp = catchUp(progress, true);
                why = outOfStep();
                if (why.isEmpty()) {
                    return new IndexCheck(caughtUp == 0 ? IndexCheck.Outcome.UP_TO_DATE : IndexCheck.Outcome.CAUGHT_UP,
                            Optional.empty(), caughtUp, index.reflectsChange().orElse(0), index.unindexed());
                }
            }
        }
        log.info("Rebuilding the knowledge-base index in {}: {}", index.folder(), why.get().english());
        int rebuilt = rebuild(progress);
        return new IndexCheck(IndexCheck.Outcome.REBUILT, why, rebuilt, index.reflectsChange().orElse(0), index.unindexed());
    }

    private Optional<IndexCheck.Why> rebuildReason() {
        OptionalLong mark = index.reflectsChange();
        if (mark.isEmpty()) {
            return Optional.of(IndexCheck.Why.NO_CHANGE_MARK);
        }
        if (mark.getAsLong() > articles.lastChange()) {
            return Optional.of(IndexCheck.Why.AHEAD_OF_DATABASE);
        }
        // Encoders not loaded (yet) are no reason: keyword search works on an index with vectors, and articles
        // saved meanwhile get theirs once the encoders are in use (KbIndex.withoutVectors).
        SemanticEncoders current = encoders;
        boolean otherSpace = ArticleFile.LANGUAGES.stream().anyMatch(lang -> current.forLanguage(lang).isPresent()
                && !current.space(lang).equals(index.vectorSpace(lang)));
        return otherSpace && articles.count() > 0 ? Optional.of(IndexCheck.Why.OTHER_VECTOR_SPACE) : Optional.empty();
    }

    /**
     * Re-indexes what changed since the index's mark (and with {@code owedVectors}, the articles indexed
     * without vectors that the encoders in use can now give); records the new mark. Holds the lock.
     * Returns how many articles were re-indexed.
     */
    private int catchUp(Progress progress, boolean owedVectors) {
        long mark = index.reflectsChange().orElse(0);
        // Read before the changes: a change committed in between is re-indexed now and again next time, never lost.
        long last = articles.lastChange();
        Set<String> changed = new TreeSet<>(last == mark ? Set.of() : articles.changedSince(mark));
        SemanticEncoders current = encoders;
        Set<String> encodable = ArticleFile.LANGUAGES.stream().filter(lang -> current.forLanguage(lang).isPresent()
                && current.space(lang).equals(index.vectorSpace(lang))).collect(Collectors.toSet());
        if (owedVectors && !encodable.isEmpty()) {
            index.withoutVectors().stream()
                    .filter(id -> articles.find(id).map(a -> encodable.contains(a.language())).orElse(true))
                    .forEach(changed::add);
        }
        if (changed.isEmpty()) {
            return 0;
        }
        reindex(changed, last, current, progress);
        return changed.size();
    }

    /**
     * A seat of an office brings its index up to the changes other seats made (issue 17): called every second or
     * so. One query when nothing changed; the changes of the last {@link LateChanges#WINDOW} are read again so one
     * committed late, under a lower number than one already seen, is not missed. Returns the articles re-indexed.
     */
    public int followOffice() {
        synchronized (lock) {
            long mark = index.reflectsChange().orElse(0);
            long from = late.readFrom(mark);
            if (from == mark && articles.lastChange() <= mark) {
                return 0;
            }
            List<KbChange> read = articles.changesSince(from);
            List<KbChange> todo = late.unapplied(read, KbChange::seq);
            long newMark = read.isEmpty() ? mark : Math.max(mark, read.get(read.size() - 1).seq());
            Set<String> changed = todo.stream().map(KbChange::articleId).collect(Collectors.toCollection(TreeSet::new));
            if (!changed.isEmpty()) {
                reindex(changed, newMark, encoders, Progress.NONE);
            }
            late.applied(todo, KbChange::seq);
            return changed.size();
        }
    }

    /** Re-indexes {@code changed} as the database holds them now (removes those it no longer holds). Holds the lock. */
    private void reindex(Set<String> changed, long mark, SemanticEncoders current, Progress progress) {
        List<Article> present = new ArrayList<>();
        Set<String> gone = new TreeSet<>();
        Map<String, List<AlternateQuestion>> questions = new HashMap<>();
        for (String id : changed) {
            articles.find(id).ifPresentOrElse(a -> {
                present.add(a);
                questions.put(id, articles.questions(id));
            }, () -> gone.add(id));
        }
        index.update(present, questions, gone, current, mark, progress);
    }

    /**
     * A rebuild's reason when, after the catch-up, some article's indexed version differs from the database's
     * (or the index holds one the database does not) for a change the mark says it reflects: the mark
     * cannot be trusted, e.g. over a database replaced by another one further on. Holds the lock.
     */
    private Optional<IndexCheck.Why> outOfStep() {
        Map<String, Integer> stored = articles.versions();
        Map<String, Integer> indexed = index.indexedVersions();
        Set<String> absent = new HashSet<>(index.unindexed());
        absent.addAll(index.withoutText());
        Set<String> differ = new TreeSet<>();
        stored.forEach((id, version) -> {
            if (!absent.contains(id) && !version.equals(indexed.get(id))) {
                differ.add(id);
            }
        });
        indexed.keySet().stream().filter(id -> !stored.containsKey(id)).forEach(differ::add);
        if (!differ.isEmpty()) {
            // Changed after the catch-up read the changes (another process): the next catch-up takes them.
            differ.removeAll(articles.changedSince(index.reflectsChange().orElse(0)));
        }
        if (differ.isEmpty()) {
            return Optional.empty();
        }
        log.warn("The knowledge-base index is out of step with the database for {} articles, e.g. {}", differ.size(),
                differ.iterator().next());
        return Optional.of(IndexCheck.Why.OUT_OF_STEP);
    }

    /**
     * Rebuilds the index from the database. The slow part (encoding) runs outside the lock so that saves go on
     * meanwhile; what they change is caught up right after the new index is in. Returns the articles read.
     */
    private int rebuild(Progress progress) {
        long mark;
        List<Article> all;
        Map<String, List<AlternateQuestion>> questions;
        SemanticEncoders using;
        synchronized (lock) {
            mark = articles.lastChange();
            all = articles.all();
            questions = articles.allQuestions().stream().collect(Collectors.groupingBy(AlternateQuestion::articleId));
            using = encoders;
        }
        KbIndex.Rebuild rebuild = index.prepare(all, questions, using, progress);
        synchronized (lock) {
            index.replace(rebuild, OptionalLong.of(mark));
            catchUp(Progress.NONE, false);
        }
        return all.size();
    }

    /**
     * Runs a database write to articles made outside this class (an import's), kept apart from this class's
     * own writes, and brings the index up to date with it before returning what the write returned.
     */
    public <T> T writeAndIndex(Supplier<T> write) {
        synchronized (lock) {
            T written = write.get();
            catchUp(Progress.NONE, false);
            return written;
        }
    }

    /**
     * Switches to these sentence encoders (they load after start-up) and re-encodes the index when it
     * was built in another vector space. Searches keep working meanwhile, on keywords.
     * Returns true when the index was rebuilt.
     */
    public boolean useEncoders(SemanticEncoders semantic, Progress progress) {
        this.encoders = semantic;
        return reconcileIndex(progress).rebuilt();
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
     * refused ({@link ArticleFormatException}, {@link ArticleProblem.Kind#TOO_DEEP}), and so is a field longer than
     * its column ({@link ArticleProblem.Kind#FIELD_TOO_LONG}); nothing is written then.
     */
    public Article save(Article edited, int expectedVersion, String author) {
        // The editor's saves and restores come through here, not through ArticleFile: same door, before the write.
        MarkdownLimits.check(edited.id(), edited.body());
        ArticleFile.checkFields(edited);
        Article saved;
        synchronized (lock) {
            saved = articles.save(edited, expectedVersion, author);
            catchUp(Progress.NONE, false);
        }
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
        Optional<AlternateQuestion> added;
        synchronized (lock) {
            added = articles.addQuestion(articleId, redacted, conversationId, actor);
            added.ifPresent(q -> catchUp(Progress.NONE, false));
        }
        added.ifPresent(q -> audit.record(actor, "kb.question.learn", articleId, "question " + q.id()));
        return added;
    }

    public List<AlternateQuestion> questions(String articleId) {
        return articles.questions(articleId);
    }

    /** A supervisor removes a learned question that does not belong to the article. */
    public void removeQuestion(long questionId, String actor) {
        Optional<String> removedFrom;
        synchronized (lock) {
            removedFrom = articles.removeQuestion(questionId);
            removedFrom.ifPresent(articleId -> catchUp(Progress.NONE, false));
        }
        removedFrom.ifPresent(articleId -> audit.record(actor, "kb.question.remove", articleId, "question " + questionId));
    }

    /** The last database change to articles or their questions, for {@code doctor}'s "change N of M". */
    public long lastChange() {
        return articles.lastChange();
    }

    public int indexedPassages() {
        return index.passageCount();
    }
}
