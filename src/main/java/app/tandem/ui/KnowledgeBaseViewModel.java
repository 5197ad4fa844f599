package app.tandem.ui;

import app.tandem.kb.AlternateQuestion;
import app.tandem.kb.Article;
import app.tandem.kb.ArticleHit;
import app.tandem.kb.ArticleStatus;
import app.tandem.kb.KnowledgeBase;
import app.tandem.kb.SearchFilter;
import app.tandem.kb.StaleArticleException;
import app.tandem.security.User;
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
 * The Knowledge base tab: a searchable list, a reader, and for supervisors an editor whose save
 * runs off the UI thread and reports a conflicting edit in words.
 */
public final class KnowledgeBaseViewModel {

    public enum State { IDLE, LOADING, SAVING, SAVED, ERROR }

    static final int SEARCH_LIMIT = 50;

    /** A line of the list; {@code snippet} is the best passage when the line came from a search. */
    public record ArticleRow(String id, String title, String language, ArticleStatus status, int version,
                             Instant updatedAt, Optional<ArticleHit> hit) {
        static ArticleRow of(Article a, Optional<ArticleHit> hit) {
            return new ArticleRow(a.id(), a.title(), a.language(), a.status(), a.version(), a.updatedAt(), hit);
        }
    }

    private final KnowledgeBase kb;
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
    private long searchGeneration;

    public KnowledgeBaseViewModel(KnowledgeBase kb, User user, TaskExecutor tasks, Executor io, Texts texts) {
        this.kb = kb;
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
        tasks.execute(texts.get("activity.kbSearch"), io, () -> {
            List<Article> all = kb.all();
            if (text.isEmpty()) {
                return all.stream().filter(a -> everything || a.isPublished())
                        .sorted(Comparator.comparing(Article::language).thenComparing(Article::title))
                        .map(a -> ArticleRow.of(a, Optional.empty())).toList();
            }
            Map<String, Article> byId = all.stream().collect(Collectors.toMap(Article::id, Function.identity()));
            Map<String, ArticleRow> found = new LinkedHashMap<>();
            for (ArticleHit hit : kb.search(text, filter, SEARCH_LIMIT)) {
                Article a = byId.get(hit.articleId());
                if (a != null) {
                    found.putIfAbsent(a.id(), ArticleRow.of(a, Optional.of(hit)));
                }
            }
            return new ArrayList<>(found.values());
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

    /** Opens an article in the reader (and the editor, for supervisors). */
    public void open(String articleId) {
        state.set(State.LOADING);
        tasks.execute(texts.get("activity.kbOpen"), io, () -> kb.find(articleId), found -> {
            state.set(State.IDLE);
            found.ifPresentOrElse(this::show, () -> message.set(texts.format("kb.missing", articleId)));
        }, this::failed);
    }

    private void show(Article a) {
        article.set(a);
        loadQuestions(a.id());
        editTitle.set(a.title());
        editTags.set(String.join(", ", a.tags()));
        editBody.set(a.body());
        editStatus.set(a.status());
        message.set("");
    }

    /** Saves the editor as a new version; a conflicting edit leaves the editor as it is, with a message. */
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
        List<String> tags = Arrays.stream(editTags.get().split(","))
                .map(String::strip).filter(t -> !t.isEmpty()).distinct().toList();
        Article edited = current.withContent(editTitle.get().strip(), editBody.get(), tags, editStatus.get());
        int expected = current.version();
        state.set(State.SAVING);
        message.set(texts.get("kb.saving"));
        tasks.execute(texts.get("activity.kbSave"), io, () -> kb.save(edited, expected, user.username()), saved -> {
            show(saved);
            state.set(State.SAVED);
            message.set(texts.format("kb.saved", saved.version()));
            search(true);
        }, e -> {
            state.set(State.ERROR);
            message.set(e instanceof StaleArticleException
                    ? texts.format("kb.conflict", e.getMessage()) : texts.format("kb.saveFailed", String.valueOf(e.getMessage())));
        });
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
        message.set(texts.format("error.background", String.valueOf(e.getMessage())));
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
}
