package app.tandem.ui.kb;

import app.tandem.kb.Article;
import app.tandem.kb.ArticleFile;
import app.tandem.kb.ArticleStatus;
import app.tandem.kb.StaleArticleException;
import app.tandem.kb.curation.ArticleDiff;
import app.tandem.kb.curation.ArticleDraft;
import app.tandem.kb.curation.ArticleUsage;
import app.tandem.kb.curation.DiffLine;
import app.tandem.kb.curation.NotPermittedException;
import app.tandem.security.User;
import app.tandem.ui.common.TaskExecutor;
import app.tandem.ui.common.Texts;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The open article: what the reader shows and, for supervisors, the editor's fields. Typing is kept as
 * the person's draft (offered back when the article reopens), a save runs off the UI thread, and a
 * save that meets someone else's newer version shows both versions instead of overwriting either.
 */
public final class ArticleEditorViewModel {

    public enum State { IDLE, LOADING, SAVING, SAVED, ERROR }

    /** A save that met someone else's newer version: theirs, mine, and the diff from theirs to mine. */
    public record Conflict(Article theirs, Article mine, List<DiffLine> diff) {}

    private final ArticleEditing articles;
    private final User user;
    private final TaskExecutor tasks;
    private final Executor io;
    private final Texts texts;
    private final Consumer<Article> shown;
    private final Runnable saved;

    private final ReadOnlyObjectWrapper<Article> article = new ReadOnlyObjectWrapper<>(this, "article");
    private final StringProperty editTitle = new SimpleStringProperty(this, "editTitle", "");
    private final StringProperty editTags = new SimpleStringProperty(this, "editTags", "");
    private final StringProperty editBody = new SimpleStringProperty(this, "editBody", "");
    private final ObjectProperty<ArticleStatus> editStatus = new SimpleObjectProperty<>(this, "editStatus", ArticleStatus.DRAFT);
    private final StringProperty editIntents = new SimpleStringProperty(this, "editIntents", "");
    private final StringProperty editTranslationOf = new SimpleStringProperty(this, "editTranslationOf", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(this, "state", State.IDLE);
    private final ReadOnlyStringWrapper linkedTranslation = new ReadOnlyStringWrapper(this, "linkedTranslation", "");
    private final ReadOnlyObjectWrapper<ArticleUsage> usage = new ReadOnlyObjectWrapper<>(this, "usage");
    private final ReadOnlyObjectWrapper<ArticleDraft> draftOffer = new ReadOnlyObjectWrapper<>(this, "draftOffer");
    private final ReadOnlyObjectWrapper<Conflict> conflict = new ReadOnlyObjectWrapper<>(this, "conflict");
    private final ReadOnlyStringWrapper draftStatus = new ReadOnlyStringWrapper(this, "draftStatus", "");
    private final ReadOnlyIntegerWrapper editRequests = new ReadOnlyIntegerWrapper(this, "editRequests");
    /** What the editor held when it was last loaded or autosaved: typing since then is unsaved. */
    private Article lastKept;

    /**
     * @param shown runs on the UI thread each time an article is put into the reader and editor
     * @param saved runs on the UI thread after each saved version (the list shows the new one)
     */
    public ArticleEditorViewModel(ArticleEditing articles, User user, TaskExecutor tasks, Executor io, Texts texts,
                                  Consumer<Article> shown, Runnable saved) {
        this.articles = articles;
        this.user = user;
        this.tasks = tasks;
        this.io = io;
        this.texts = texts;
        this.shown = shown;
        this.saved = saved;
    }

    private boolean curates() {
        return articles.curates() && user.mayEditKnowledgeBase();
    }

    /** Opens an article in the reader (and the editor, for supervisors); what was typed in the editor is kept first. */
    public void open(String articleId) {
        autosave();
        state.set(State.LOADING);
        tasks.execute(texts.get("activity.kbOpen"), io, () -> {
            Optional<Article> found = articles.find(articleId);
            Optional<ArticleDraft> draft = articles.draft(user, articleId);
            ArticleUsage used = articles.usage(articleId);
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
                showNew(a);
            }, () -> message.set(texts.format("kb.missing", articleId))));
        }, this::failed);
    }

    private record Opened(Optional<Article> article, Optional<ArticleDraft> draft, ArticleUsage usage, String translation) {}

    /** The other language's article: the one this translates, or the one that translates this. */
    private String translationOf(Article a) {
        return a.translationOf().orElseGet(() -> articles.all().stream()
                .filter(o -> o.translationOf().filter(a.id()::equals).isPresent()).map(Article::id).findFirst().orElse(""));
    }

    private void show(Article a) {
        article.set(a);
        shown.accept(a);
        fill(a);
        message.set("");
        conflict.set(null);
        draftOffer.set(null);
        draftStatus.set("");
        lastKept = a;
    }

    /** After {@link #show}: an article not stored yet opens in the editor, saying so. */
    private void showNew(Article a) {
        usage.set(ArticleUsage.none(a.id()));
        linkedTranslation.set(a.translationOf().orElse(""));
        message.set(texts.format("kb.newArticle", a.id()));
        editRequests.set(editRequests.get() + 1);
    }

    /** Puts {@code a}'s fields into the editor. */
    private void fill(Article a) {
        editTitle.set(a.title());
        editTags.set(String.join(", ", a.tags()));
        editIntents.set(String.join(", ", a.intents()));
        editTranslationOf.set(a.translationOf().orElse(""));
        editBody.set(a.body());
        editStatus.set(a.status());
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
        if (current == null || !curates() || draftOffer.get() != null) {
            return;
        }
        Article typed = edited();
        if (lastKept != null && sameContent(typed, lastKept)) {
            return;
        }
        lastKept = typed;
        int base = current.version();
        tasks.execute(texts.get("activity.kbDraft"), io, () -> articles.saveDraft(user, typed, base),
                kept -> draftStatus.set(texts.format("kb.draftSaved", Date.from(kept.savedAt()))),
                e -> draftStatus.set(texts.format("kb.draftFailed", texts.failure(e))));
    }

    /** Puts the offered draft into the editor. */
    public void restoreDraft() {
        ArticleDraft d = draftOffer.get();
        if (d == null) {
            return;
        }
        draftOffer.set(null);
        fill(d.content());
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
        if (d != null && articles.curates()) {
            tasks.execute(texts.get("activity.kbDraft"), io, () -> {
                articles.discardDraft(user, d.articleId());
                return d;
            }, x -> message.set(texts.get("kb.draftDiscarded")), this::failed);
        }
    }

    /** Starts a new article (not stored until saved); its id comes from the title and language. */
    public void newArticle(String title, String language, String body) {
        if (!curates()) {
            return;
        }
        autosave();
        Optional<String> translation = Optional.ofNullable(article.get())
                .filter(a -> !a.language().equals(language) && a.version() > 0).map(Article::id);
        tasks.execute(texts.get("activity.kbOpen"), io, () -> articles.newArticle(user, title, language, translation), fresh -> {
            show(fresh);
            editBody.set(body == null ? "" : body);
            state.set(State.IDLE);
            showNew(fresh);
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
        tasks.execute(texts.get("activity.kbSave"), io, () -> articles.save(user, edited, expected), version -> {
            show(version);
            state.set(State.SAVED);
            message.set(texts.format(version.isPublished() ? "kb.saved" : "kb.savedNotPublished", version.version()));
            saved.run();
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
        tasks.execute(texts.get("activity.kbOpen"), io, () -> articles.find(mine.id()).orElseThrow(), theirs ->
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
            if (articles.curates()) {
                tasks.execute(texts.get("activity.kbDraft"), io, () -> {
                    articles.discardDraft(user, c.mine().id());
                    return c;
                }, x -> { }, this::failed);
            }
        }
    }

    /** The editor's text as an article file, for "copy mine to the clipboard". */
    public String mineAsText() {
        Conflict c = conflict.get();
        return ArticleFile.format(c != null ? c.mine() : edited());
    }

    /** Closes the conflict view, keeping the editor as it is. */
    public void dismissConflict() {
        conflict.set(null);
    }

    private void failed(Throwable e) {
        state.set(State.ERROR);
        message.set(texts.failure("error.background", e));
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

    public StringProperty editIntentsProperty() {
        return editIntents;
    }

    public StringProperty editTranslationOfProperty() {
        return editTranslationOf;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
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
