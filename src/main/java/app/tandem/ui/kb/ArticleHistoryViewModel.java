package app.tandem.ui.kb;

import app.tandem.kb.Article;
import app.tandem.kb.curation.ArticleVersion;
import app.tandem.kb.curation.Curation;
import app.tandem.kb.curation.DiffLine;
import app.tandem.security.User;
import app.tandem.ui.common.TaskExecutor;
import app.tandem.ui.common.Texts;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** An article's versions: who saved what when, the diff between any two, and restoring an old one. */
public final class ArticleHistoryViewModel {

    private final Curation curation;
    private final User user;
    private final TaskExecutor tasks;
    private final Executor io;
    private final Texts texts;
    private final Consumer<Article> restored;

    private final ObservableList<ArticleVersion> versions = FXCollections.observableArrayList();
    private final ObservableList<DiffLine> diff = FXCollections.observableArrayList();
    private final ObjectProperty<ArticleVersion> from = new SimpleObjectProperty<>(this, "from");
    private final ObjectProperty<ArticleVersion> to = new SimpleObjectProperty<>(this, "to");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private Article article;

    /** {@code restored} runs on the UI thread with the new current version after a restore. */
    public ArticleHistoryViewModel(Curation curation, User user, TaskExecutor tasks, Executor io, Texts texts,
                                   Consumer<Article> restored) {
        this.curation = curation;
        this.user = user;
        this.tasks = tasks;
        this.io = io;
        this.texts = texts;
        this.restored = restored;
        from.addListener((obs, o, n) -> compare());
        to.addListener((obs, o, n) -> compare());
    }

    /** Loads the versions of {@code a}; compares the previous version with the current one. */
    public void load(Article a) {
        article = a;
        versions.clear();
        diff.clear();
        message.set("");
        if (a == null || a.version() == 0) {
            return;
        }
        String id = a.id();
        tasks.execute(texts.get("activity.kbHistory"), io, () -> curation.versions(id), found -> {
            if (article == null || !article.id().equals(id)) {
                return;
            }
            versions.setAll(found);
            to.set(found.isEmpty() ? null : found.get(0));
            from.set(found.size() > 1 ? found.get(1) : found.isEmpty() ? null : found.get(0));
        }, this::failed);
    }

    private void compare() {
        ArticleVersion a = from.get();
        ArticleVersion b = to.get();
        if (a == null || b == null || article == null) {
            diff.clear();
            return;
        }
        String id = article.id();
        tasks.execute(texts.get("activity.kbHistory"), io, () -> curation.diff(id, a.version(), b.version()), lines -> {
            if (from.get() == a && to.get() == b) {
                diff.setAll(lines);
            }
        }, this::failed);
    }

    /** Makes {@code version} current again, as a new version. */
    public void restore(ArticleVersion version) {
        if (version == null || article == null || !user.mayEditKnowledgeBase()) {
            return;
        }
        Article current = article;
        tasks.execute(texts.get("activity.kbSave"), io, () -> curation.restore(user, current.id(), version.version(),
                current.version()), saved -> {
            restored.accept(saved);
            load(saved);
            message.set(texts.format("kb.restored", version.version(), saved.version()));
        }, this::failed);
    }

    private void failed(Throwable e) {
        message.set(texts.failure("error.background", e));
    }

    public ObservableList<ArticleVersion> versions() {
        return versions;
    }

    public ObservableList<DiffLine> diff() {
        return diff;
    }

    public ObjectProperty<ArticleVersion> fromProperty() {
        return from;
    }

    public ObjectProperty<ArticleVersion> toProperty() {
        return to;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
