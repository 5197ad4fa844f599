package app.tandem.ui.kb;

import app.tandem.kb.AlternateQuestion;
import app.tandem.kb.Article;
import app.tandem.kb.ArticleHit;
import app.tandem.kb.ArticleStatus;
import app.tandem.kb.KnowledgeBase;
import app.tandem.kb.SearchFilter;
import app.tandem.kb.StaleArticleException;
import app.tandem.kb.curation.ArticleDiff;
import app.tandem.kb.curation.ArticleDraft;
import app.tandem.kb.curation.ArticleUsage;
import app.tandem.kb.curation.Curation;
import app.tandem.kb.curation.DiffLine;
import app.tandem.kb.curation.NotPermittedException;
import app.tandem.kb.editor.CurationServices;
import app.tandem.security.User;
import app.tandem.ui.common.TaskExecutor;
import app.tandem.ui.common.Texts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.stream.Collectors;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Knowledge base tab: a searchable, filterable list with usage, a reader, and for supervisors an
 * editor whose save runs off the UI thread, whose typing is autosaved as a draft, and whose
 * conflicting save shows both versions.
 */
public final class KnowledgeBaseViewModel {

    public enum State { IDLE, LOADING, SAVING, SAVED, ERROR }

    static final int SEARCH_LIMIT = 50;

    /** A line of the list; {@code snippet} is the best passage when the line came from a search. */
    public record ArticleRow(String id, String title, String language, ArticleStatus status, int version,
                             Instant updatedAt, Optional<ArticleHit> hit, ArticleUsage usage, List<String> tags) {
        static ArticleRow of(Article a, Optional<ArticleHit> hit) {
            return of(a, hit, ArticleUsage.none(a.id()));
        }

        static ArticleRow of(Article a, Optional<ArticleHit> hit, ArticleUsage usage) {
            return new ArticleRow(a.id(), a.title(), a.language(), a.status(), a.version(), a.updatedAt(), hit, usage, a.tags());
        }
    }

    /** How the list is ordered. */
    public enum Order { RELEVANCE, MOST_USED, LEAST_USED, RECENTLY_CHANGED }

    /** A save that met someone else's newer version: theirs, mine, and the diff from theirs to mine. */
    public record Conflict(Article theirs, Article mine, List<DiffLine> diff) {}

    private final KnowledgeBase kb;
    private final Optional<CurationServices> curation;
    private final User user;
    private final TaskExecutor tasks;
    private final Executor io;
    private final Texts texts;

    private final StringProperty query = new SimpleStringProperty(this, "query", "");
    private final ObservableList<ArticleRow> rows = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Article> article = new ReadOnlyObjectWrapper<>(this, "article");
    private final StringProperty editTitle = new SimpleStringProperty(this, "editTitle", "");
    private final StringProperty editTags = new SimpleStringProperty(this, "editTags", "");
    private final StringProperty editBody = new SimpleStringProperty(this, "editBody", "");
    private final ObjectProperty<ArticleStatus> editStatus = new SimpleObjectProperty<>(this, "editStatus", ArticleStatus.DRAFT);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(this, "state", State.IDLE);
    private final ReadOnlyBooleanWrapper canEdit = new ReadOnlyBooleanWrapper(this, "canEdit");
    private final ObservableList<AlternateQuestion> questions = FXCollections.observableArrayList();
    private final ObjectProperty<String> languageFilter = new SimpleObjectProperty<>(this, "languageFilter");
    private final ObjectProperty<ArticleStatus> statusFilter = new SimpleObjectProperty<>(this, "statusFilter");
    private final StringProperty tagFilter = new SimpleStringProperty(this, "tagFilter", "");
    private final ObjectProperty<Order> order = new SimpleObjectProperty<>(this, "order", Order.RELEVANCE);
    private final StringProperty editIntents = new SimpleStringProperty(this, "editIntents", "");
    private final StringProperty editTranslationOf = new SimpleStringProperty(this, "editTranslationOf", "");
    private final ReadOnlyStringWrapper linkedTranslation = new ReadOnlyStringWrapper(this, "linkedTranslation", "");
    private final ReadOnlyObjectWrapper<ArticleUsage> usage = new ReadOnlyObjectWrapper<>(this, "usage");
    private final ReadOnlyObjectWrapper<ArticleDraft> draftOffer = new ReadOnlyObjectWrapper<>(this, "draftOffer");
    private final ReadOnlyObjectWrapper<Conflict> conflict = new ReadOnlyObjectWrapper<>(this, "conflict");
    private final ReadOnlyStringWrapper draftStatus = new ReadOnlyStringWrapper(this, "draftStatus", "");
    private final ReadOnlyIntegerWrapper editRequests = new ReadOnlyIntegerWrapper(this, "editRequests");
    private long searchGeneration;
    /** What the editor held when it was last loaded or autosaved: typing since then is unsaved. */
    private Article lastKept;

    public KnowledgeBaseViewModel(KnowledgeBase kb, User user, TaskExecutor tasks, Executor io, Texts texts) {
        this(kb, Optional.empty(), user, tasks, io, texts);
    }

    public KnowledgeBaseViewModel(KnowledgeBase kb, Optional<CurationServices> curation, User user, TaskExecutor tasks,
                                  Executor io, Texts texts) {
        this.kb = kb;
        this.curation = curation;
        this.user = user;
        this.tasks = tasks;
        this.io = io;
        this.texts = texts;
        canEdit.set(user.mayEditKnowledgeBase());
    }

    private SearchFilter filter() {
        return user.mayEditKnowledgeBase() ? SearchFilter.everything() : SearchFilter.publishedOnly();
    }

    /** Lists what matches the query: everything the person may see when it is empty. */
    public void search() {
        search(false);
    }

    /** {@code quiet}: refresh the list after a save without touching the editor's state and message. */
    private void search(boolean quiet) {
        long mine = ++searchGeneration;
        String text = query.get() == null ? "" : query.get().strip();
        SearchFilter filter = filter();
        boolean everything = user.mayEditKnowledgeBase();
        if (!quiet) {
            state.set(State.LOADING);
        }
        Optional<String> language = Optional.ofNullable(languageFilter.get());
        Optional<ArticleStatus> status = Optional.ofNullable(statusFilter.get());
        String tag = tagFilter.get() == null ? "" : tagFilter.get().strip().toLowerCase(java.util.Locale.ROOT);
        Order sorted = order.get() == null ? Order.RELEVANCE : order.get();
        tasks.execute(texts.get("activity.kbSearch"), io, () -> {
            List<Article> all = kb.all();
            Map<String, ArticleUsage> used = curation.map(c -> c.curation().usage()).orElse(Map.of());
            java.util.function.Predicate<Article> keep = a -> (everything || a.isPublished())
                    && language.map(a.language()::equals).orElse(true)
                    && status.map(st -> a.status() == st).orElse(true)
                    && (tag.isEmpty() || a.tags().stream().anyMatch(t -> t.toLowerCase(java.util.Locale.ROOT).contains(tag)));
            List<ArticleRow> found;
            if (text.isEmpty()) {
                found = all.stream().filter(keep)
                        .sorted(Comparator.comparing(Article::language).thenComparing(Article::title))
                        .map(a -> ArticleRow.of(a, Optional.empty(), used.getOrDefault(a.id(), ArticleUsage.none(a.id())))).toList();
            } else {
                Map<String, Article> byId = all.stream().collect(Collectors.toMap(Article::id, Function.identity()));
                Map<String, ArticleRow> hits = new LinkedHashMap<>();
                for (ArticleHit hit : kb.search(text, filter, SEARCH_LIMIT)) {
                    Article a = byId.get(hit.articleId());
                    if (a != null && keep.test(a)) {
                        hits.putIfAbsent(a.id(), ArticleRow.of(a, Optional.of(hit), used.getOrDefault(a.id(), ArticleUsage.none(a.id()))));
                    }
                }
                found = new ArrayList<>(hits.values());
            }
            List<ArticleRow> rows = new ArrayList<>(ordered(found, sorted));
            if (text.isEmpty() && curates()) {
                // New articles never saved live only as drafts: list them first, so they can be reopened.
                Map<String, Article> existing = all.stream().collect(Collectors.toMap(Article::id, Function.identity()));
                curation.get().curation().drafts(user).stream()
                        .filter(d -> d.baseVersion() == 0 && !existing.containsKey(d.articleId()))
                        .map(d -> d.content()).filter(keep)
                        .forEach(a -> rows.add(0, ArticleRow.of(new Article(a.id(), texts.format("kb.unsavedNew", a.title()),
                                a.language(), a.status(), a.tags(), a.intents(), a.translationOf(), a.body(), 0, a.updatedAt(),
                                a.updatedBy()), Optional.empty())));
            }
            return rows;
        }, result -> {
            if (mine != searchGeneration) {
                return;
            }
            rows.setAll(result);
            if (!quiet) {
                state.set(State.IDLE);
                message.set(result.isEmpty() ? texts.get("kb.noResults") : "");
            }
        }, e -> {
            if (!quiet) {
                failed(e);
            }
        });
    }

    static List<ArticleRow> ordered(List<ArticleRow> rows, Order order) {
        Comparator<ArticleRow> byUse = Comparator.comparingLong((ArticleRow r) -> r.usage().inserted())
                .thenComparingLong(r -> r.usage().shown());
        return switch (order) {
            case RELEVANCE -> rows;
            case MOST_USED -> rows.stream().sorted(byUse.reversed()).toList();
            case LEAST_USED -> rows.stream().sorted(byUse).toList();
            case RECENTLY_CHANGED -> rows.stream().sorted(Comparator.comparing(ArticleRow::updatedAt).reversed()).toList();
        };
    }

    /** Opens an article in the reader (and the editor, for supervisors); what was typed in the editor is kept first. */
    public void open(String articleId) {
        autosave();
        state.set(State.LOADING);
        tasks.execute(texts.get("activity.kbOpen"), io, () -> {
            Optional<Article> found = kb.find(articleId);
            Optional<ArticleDraft> draft = curation.flatMap(c -> c.curation().draft(user, articleId));
            ArticleUsage used = curation.map(c -> c.curation().usage(articleId)).orElse(ArticleUsage.none(articleId));
            String translation = found.map(this::translationOf).orElse("");
            return new Opened(found, draft, used, translation);
        }, opened -> {
            state.set(State.IDLE);
            opened.article().ifPresentOrElse(a -> {
                show(a);
                usage.set(opened.usage());
                linkedTranslation.set(opened.translation());
                draftOffer.set(opened.draft().filter(d -> !sameContent(d.content(), a)).orElse(null));
            }, () -> opened.draft().filter(d -> d.baseVersion() == 0).ifPresentOrElse(d -> {
                // A new article that was never saved: its draft is all there is.
                Article a = d.content();
                show(new Article(a.id(), a.title(), a.language(), a.status(), a.tags(), a.intents(), a.translationOf(),
                        a.body(), 0, d.savedAt(), user.username()));
                usage.set(ArticleUsage.none(a.id()));
                linkedTranslation.set(a.translationOf().orElse(""));
                message.set(texts.format("kb.newArticle", a.id()));
                editRequests.set(editRequests.get() + 1);
            }, () -> message.set(texts.format("kb.missing", articleId))));
        }, this::failed);
    }

    private record Opened(Optional<Article> article, Optional<ArticleDraft> draft, ArticleUsage usage, String translation) {}

    /** The other language's article: the one this translates, or the one that translates this. */
    private String translationOf(Article a) {
        return a.translationOf().orElseGet(() -> kb.all().stream()
                .filter(o -> o.translationOf().filter(a.id()::equals).isPresent()).map(Article::id).findFirst().orElse(""));
    }

    private void show(Article a) {
        article.set(a);
        loadQuestions(a.id());
        editTitle.set(a.title());
        editTags.set(String.join(", ", a.tags()));
        editIntents.set(String.join(", ", a.intents()));
        editTranslationOf.set(a.translationOf().orElse(""));
        editBody.set(a.body());
        editStatus.set(a.status());
        message.set("");
        conflict.set(null);
        draftOffer.set(null);
        draftStatus.set("");
        lastKept = a;
    }

    /** Opens the linked translation (one click in the editor). */
    public void openTranslation() {
        String id = linkedTranslation.get();
        if (id != null && !id.isBlank()) {
            open(id);
        }
    }

    /** The article as the editor holds it now. */
    Article edited() {
        Article current = article.get();
        List<String> tags = commaList(editTags.get());
        List<String> intents = commaList(editIntents.get());
        Optional<String> translation = Optional.ofNullable(editTranslationOf.get()).map(String::strip).filter(t -> !t.isEmpty());
        return new Article(current.id(), editTitle.get() == null ? "" : editTitle.get().strip(), current.language(),
                editStatus.get() == null ? current.status() : editStatus.get(), tags, intents, translation,
                editBody.get() == null ? "" : editBody.get(), current.version(), current.updatedAt(), current.updatedBy());
    }

    private static List<String> commaList(String text) {
        return text == null ? List.of() : Arrays.stream(text.split(","))
                .map(String::strip).filter(t -> !t.isEmpty()).distinct().toList();
    }

    private static boolean sameContent(Article a, Article b) {
        return a.title().equals(b.title()) && a.body().equals(b.body()) && a.tags().equals(b.tags())
                && a.intents().equals(b.intents()) && a.translationOf().equals(b.translationOf()) && a.status() == b.status();
    }

    /**
     * Keeps what was typed as the person's draft (the view calls this two seconds after typing stops,
     * and before another article opens). Not a version; nothing else sees it.
     */
    public void autosave() {
        Article current = article.get();
        // While a draft is offered the editor still shows the saved version: nothing new to keep.
        if (current == null || curation.isEmpty() || !user.mayEditKnowledgeBase() || draftOffer.get() != null) {
            return;
        }
        Article typed = edited();
        if (lastKept != null && sameContent(typed, lastKept)) {
            return;
        }
        lastKept = typed;
        Curation c = curation.get().curation();
        int base = current.version();
        tasks.execute(texts.get("activity.kbDraft"), io, () -> c.saveDraft(user, typed, base),
                saved -> draftStatus.set(texts.format("kb.draftSaved", java.util.Date.from(saved.savedAt()))),
                e -> draftStatus.set(texts.format("kb.draftFailed", texts.failure(e))));
    }

    /** Puts the offered draft into the editor. */
    public void restoreDraft() {
        ArticleDraft d = draftOffer.get();
        if (d == null) {
            return;
        }
        draftOffer.set(null);
        Article a = d.content();
        editTitle.set(a.title());
        editTags.set(String.join(", ", a.tags()));
        editIntents.set(String.join(", ", a.intents()));
        editTranslationOf.set(a.translationOf().orElse(""));
        editBody.set(a.body());
        editStatus.set(a.status());
        lastKept = edited();
        Article current = article.get();
        message.set(current != null && d.baseVersion() != current.version()
                ? texts.format("kb.draftOlderBase", d.baseVersion(), current.version()) : texts.get("kb.draftRestored"));
        editRequests.set(editRequests.get() + 1);
    }

    /** Drops the offered draft; the saved version stays in the editor. */
    public void discardDraft() {
        ArticleDraft d = draftOffer.get();
        draftOffer.set(null);
        if (d != null && curation.isPresent()) {
            Curation c = curation.get().curation();
            tasks.execute(texts.get("activity.kbDraft"), io, () -> {
                c.discardDraft(user, d.articleId());
                return d;
            }, x -> message.set(texts.get("kb.draftDiscarded")), this::failed);
        }
    }

    /** Starts a new article (not stored until saved); its id comes from the title and language. */
    public void newArticle(String title, String language, String body) {
        if (curation.isEmpty() || !user.mayEditKnowledgeBase()) {
            return;
        }
        autosave();
        Curation c = curation.get().curation();
        Optional<String> translation = Optional.ofNullable(article.get())
                .filter(a -> !a.language().equals(language) && a.version() > 0).map(Article::id);
        tasks.execute(texts.get("activity.kbOpen"), io, () -> c.newArticle(user, title, language, translation), fresh -> {
            show(fresh);
            editBody.set(body == null ? "" : body);
            usage.set(ArticleUsage.none(fresh.id()));
            linkedTranslation.set(fresh.translationOf().orElse(""));
            state.set(State.IDLE);
            message.set(texts.format("kb.newArticle", fresh.id()));
            editRequests.set(editRequests.get() + 1);
        }, e -> {
            state.set(State.ERROR);
            message.set(texts.failure(e));
        });
    }

    /** Saves the editor as a new version; a conflicting edit leaves the editor as it is and shows both versions. */
    public void save() {
        Article current = article.get();
        if (current == null || !user.mayEditKnowledgeBase() || state.get() == State.SAVING) {
            return;
        }
        if (editTitle.get() == null || editTitle.get().isBlank() || editBody.get() == null || editBody.get().isBlank()) {
            message.set(texts.get("kb.emptyFields"));
            state.set(State.ERROR);
            return;
        }
        saveAs(edited(), current.version());
    }

    private void saveAs(Article edited, int expected) {
        state.set(State.SAVING);
        message.set(texts.get("kb.saving"));
        tasks.execute(texts.get("activity.kbSave"), io, () -> curation.isPresent()
                ? curation.get().curation().save(user, edited, expected)
                : kb.save(edited, expected, user.username()), saved -> {
            show(saved);
            state.set(State.SAVED);
            message.set(texts.format(saved.isPublished() ? "kb.saved" : "kb.savedNotPublished", saved.version()));
            search(true);
        }, e -> {
            state.set(State.ERROR);
            if (e instanceof StaleArticleException) {
                message.set(texts.format("kb.conflict", texts.failure(e)));
                showConflict(edited);
            } else if (e instanceof NotPermittedException) {
                // A sentence of its own ("only a supervisor may ..."): no "not saved:" in front.
                message.set(texts.failure(e));
            } else {
                message.set(texts.format("kb.saveFailed", texts.failure(e)));
            }
        });
    }

    private void showConflict(Article mine) {
        autosave();
        tasks.execute(texts.get("activity.kbOpen"), io, () -> kb.find(mine.id()).orElseThrow(), theirs ->
                conflict.set(new Conflict(theirs, mine, ArticleDiff.between(theirs, mine))), this::failed);
    }

    /** Conflict resolved by saving this editor's text over theirs (theirs stays in the history). */
    public void keepMine() {
        Conflict c = conflict.get();
        if (c != null) {
            conflict.set(null);
            saveAs(c.mine(), c.theirs().version());
        }
    }

    /** Conflict resolved by taking their version into the editor; this editor's draft is dropped. */
    public void takeTheirs() {
        Conflict c = conflict.get();
        if (c != null) {
            show(c.theirs());
            state.set(State.IDLE);
            message.set(texts.format("kb.tookTheirs", c.theirs().version()));
            curation.ifPresent(cs -> tasks.execute(texts.get("activity.kbDraft"), io, () -> {
                cs.curation().discardDraft(user, c.mine().id());
                return c;
            }, x -> { }, this::failed));
        }
    }

    /** The editor's text as an article file, for "copy mine to the clipboard". */
    public String mineAsText() {
        Conflict c = conflict.get();
        return app.tandem.kb.ArticleFile.format(c != null ? c.mine() : edited());
    }

    /** Closes the conflict view, keeping the editor as it is. */
    public void dismissConflict() {
        conflict.set(null);
    }

    private void loadQuestions(String articleId) {
        if (!user.mayEditKnowledgeBase()) {
            return;
        }
        tasks.execute(texts.get("activity.kbOpen"), io, () -> kb.questions(articleId), found -> {
            Article shown = article.get();
            if (shown != null && shown.id().equals(articleId)) {
                questions.setAll(found);
            }
        }, this::failed);
    }

    /** A supervisor removes a learned question that does not belong to the shown article. */
    public void removeQuestion(AlternateQuestion question) {
        if (!user.mayEditKnowledgeBase()) {
            return;
        }
        tasks.execute(texts.get("activity.kbSave"), io, () -> {
            kb.removeQuestion(question.id(), user.username());
            return kb.questions(question.articleId());
        }, remaining -> {
            questions.setAll(remaining);
            message.set(texts.get("kb.questionRemoved"));
        }, this::failed);
    }

    /** Customer questions learned for the shown article from resolved conversations. */
    public ObservableList<AlternateQuestion> questions() {
        return questions;
    }

    private void failed(Throwable e) {
        state.set(State.ERROR);
        message.set(texts.failure("error.background", e));
    }

    public StringProperty queryProperty() {
        return query;
    }

    public ObservableList<ArticleRow> rows() {
        return rows;
    }

    public ReadOnlyObjectProperty<Article> articleProperty() {
        return article.getReadOnlyProperty();
    }

    public StringProperty editTitleProperty() {
        return editTitle;
    }

    public StringProperty editTagsProperty() {
        return editTags;
    }

    public StringProperty editBodyProperty() {
        return editBody;
    }

    public ObjectProperty<ArticleStatus> editStatusProperty() {
        return editStatus;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canEditProperty() {
        return canEdit.getReadOnlyProperty();
    }

    /** Whether the editor's services (drafts, history, import/export, gaps) are there. */
    public boolean curates() {
        return curation.isPresent() && user.mayEditKnowledgeBase();
    }

    Optional<CurationServices> curation() {
        return curation;
    }

    User user() {
        return user;
    }

    public ObjectProperty<String> languageFilterProperty() {
        return languageFilter;
    }

    public ObjectProperty<ArticleStatus> statusFilterProperty() {
        return statusFilter;
    }

    public StringProperty tagFilterProperty() {
        return tagFilter;
    }

    public ObjectProperty<Order> orderProperty() {
        return order;
    }

    public StringProperty editIntentsProperty() {
        return editIntents;
    }

    public StringProperty editTranslationOfProperty() {
        return editTranslationOf;
    }

    public ReadOnlyStringProperty linkedTranslationProperty() {
        return linkedTranslation.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ArticleUsage> usageProperty() {
        return usage.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ArticleDraft> draftOfferProperty() {
        return draftOffer.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Conflict> conflictProperty() {
        return conflict.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty draftStatusProperty() {
        return draftStatus.getReadOnlyProperty();
    }

    /** Counts requests to show the editor (a new article, a restored draft): the view selects the Edit tab. */
    public ReadOnlyIntegerProperty editRequestsProperty() {
        return editRequests.getReadOnlyProperty();
    }
}
