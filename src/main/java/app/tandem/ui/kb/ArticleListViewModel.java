package app.tandem.ui.kb;

import app.tandem.kb.Article;
import app.tandem.kb.ArticleHit;
import app.tandem.kb.ArticleStatus;
import app.tandem.kb.SearchFilter;
import app.tandem.kb.curation.ArticleUsage;
import app.tandem.security.User;
import app.tandem.ui.common.TaskExecutor;
import app.tandem.ui.common.Texts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import javafx.beans.property.ObjectProperty;
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
 * The knowledge base's list: a search with language, status and tag filters, ordered by relevance,
 * use or change, and (for supervisors) new articles that live only as drafts. Searches run off the
 * UI thread; a search overtaken by a newer one is dropped.
 */
public final class ArticleListViewModel {

    public enum State { IDLE, LOADING, ERROR }

    /** Why the list shows nothing, so its placeholder can say what would fill it. */
    public enum Empty { NOTHING_STORED, NOTHING_MATCHES }

    static final int SEARCH_LIMIT = 50;

    /** A line of the list; {@code hit} holds the best passage when the line came from a search. */
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

    private final ArticleCatalogue catalogue;
    private final User user;
    private final TaskExecutor tasks;
    private final Executor io;
    private final Texts texts;

    private final StringProperty query = new SimpleStringProperty(this, "query", "");
    private final ObservableList<ArticleRow> rows = FXCollections.observableArrayList();
    private final ObjectProperty<String> languageFilter = new SimpleObjectProperty<>(this, "languageFilter");
    private final ObjectProperty<ArticleStatus> statusFilter = new SimpleObjectProperty<>(this, "statusFilter");
    private final StringProperty tagFilter = new SimpleStringProperty(this, "tagFilter", "");
    private final ObjectProperty<Order> order = new SimpleObjectProperty<>(this, "order", Order.RELEVANCE);
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(this, "state", State.IDLE);
    private final ReadOnlyObjectWrapper<Empty> empty = new ReadOnlyObjectWrapper<>(this, "empty");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private long searchGeneration;

    public ArticleListViewModel(ArticleCatalogue catalogue, User user, TaskExecutor tasks, Executor io, Texts texts) {
        this.catalogue = catalogue;
        this.user = user;
        this.tasks = tasks;
        this.io = io;
        this.texts = texts;
    }

    /** Lists what matches the query: everything the person may see when it is empty. */
    public void search() {
        search(false);
    }

    /** Lists again after a save, leaving the state and message as they are. */
    void refresh() {
        search(true);
    }

    private record Listing(List<ArticleRow> rows, boolean anyVisible) {}

    private void search(boolean quiet) {
        long mine = ++searchGeneration;
        String text = query.get() == null ? "" : query.get().strip();
        boolean everything = user.mayEditKnowledgeBase();
        SearchFilter filter = everything ? SearchFilter.everything() : SearchFilter.publishedOnly();
        if (!quiet) {
            state.set(State.LOADING);
        }
        Optional<String> language = Optional.ofNullable(languageFilter.get());
        Optional<ArticleStatus> status = Optional.ofNullable(statusFilter.get());
        String tag = tagFilter.get() == null ? "" : tagFilter.get().strip().toLowerCase(Locale.ROOT);
        Order sorted = order.get() == null ? Order.RELEVANCE : order.get();
        tasks.execute(texts.get("activity.kbSearch"), io, () -> {
            List<Article> all = catalogue.all();
            Map<String, ArticleUsage> used = catalogue.usage();
            Predicate<Article> visible = a -> everything || a.isPublished();
            Predicate<Article> keep = visible
                    .and(a -> language.map(a.language()::equals).orElse(true))
                    .and(a -> status.map(st -> a.status() == st).orElse(true))
                    .and(a -> tag.isEmpty() || a.tags().stream().anyMatch(t -> t.toLowerCase(Locale.ROOT).contains(tag)));
            List<ArticleRow> found;
            if (text.isEmpty()) {
                found = all.stream().filter(keep)
                        .sorted(Comparator.comparing(Article::language).thenComparing(Article::title))
                        .map(a -> ArticleRow.of(a, Optional.empty(), used.getOrDefault(a.id(), ArticleUsage.none(a.id())))).toList();
            } else {
                Map<String, Article> byId = all.stream().collect(Collectors.toMap(Article::id, Function.identity()));
                Map<String, ArticleRow> hits = new LinkedHashMap<>();
                for (ArticleHit hit : catalogue.search(text, filter, SEARCH_LIMIT)) {
                    Article a = byId.get(hit.articleId());
                    if (a != null && keep.test(a)) {
                        hits.putIfAbsent(a.id(), ArticleRow.of(a, Optional.of(hit), used.getOrDefault(a.id(), ArticleUsage.none(a.id()))));
                    }
                }
                found = new ArrayList<>(hits.values());
            }
            List<ArticleRow> listed = new ArrayList<>(ordered(found, sorted));
            boolean anyVisible = all.stream().anyMatch(visible);
            if (text.isEmpty() && everything) {
                // New articles never saved live only as drafts: list them first, so they can be reopened.
                Map<String, Article> existing = all.stream().collect(Collectors.toMap(Article::id, Function.identity()));
                List<Article> unsaved = catalogue.drafts(user).stream()
                        .filter(d -> d.baseVersion() == 0 && !existing.containsKey(d.articleId()))
                        .map(d -> d.content()).toList();
                anyVisible |= !unsaved.isEmpty();
                unsaved.stream().filter(keep)
                        .forEach(a -> listed.add(0, ArticleRow.of(new Article(a.id(), texts.format("kb.unsavedNew", a.title()),
                                a.language(), a.status(), a.tags(), a.intents(), a.translationOf(), a.body(), 0, a.updatedAt(),
                                a.updatedBy()), Optional.empty())));
            }
            return new Listing(listed, anyVisible);
        }, listing -> {
            if (mine != searchGeneration) {
                return;
            }
            rows.setAll(listing.rows());
            empty.set(listing.anyVisible() ? Empty.NOTHING_MATCHES : Empty.NOTHING_STORED);
            if (!quiet) {
                state.set(State.IDLE);
                message.set(listing.rows().isEmpty() ? texts.get("kb.noResults") : "");
            }
        }, e -> {
            if (!quiet) {
                state.set(State.ERROR);
                message.set(texts.failure("error.background", e));
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

    public StringProperty queryProperty() {
        return query;
    }

    public ObservableList<ArticleRow> rows() {
        return rows;
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

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** Why {@link #rows()} is empty (nothing the person may see is stored, or nothing matches); null before the first search. */
    public ReadOnlyObjectProperty<Empty> emptyProperty() {
        return empty.getReadOnlyProperty();
    }

    /** "No article matches.", or why the search failed; empty otherwise. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
