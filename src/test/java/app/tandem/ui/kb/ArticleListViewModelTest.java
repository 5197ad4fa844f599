package app.tandem.ui.kb;

import static app.tandem.ui.kb.InMemoryArticles.article;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.tandem.kb.Article;
import app.tandem.kb.ArticleHit;
import app.tandem.kb.ArticleStatus;
import app.tandem.kb.SearchFilter;
import app.tandem.kb.curation.ArticleDraft;
import app.tandem.kb.curation.ArticleUsage;
import app.tandem.security.Role;
import app.tandem.security.User;
import app.tandem.ui.common.CurrentThreadTaskExecutor;
import app.tandem.ui.common.QueuedTaskExecutor;
import app.tandem.ui.common.TaskExecutor;
import app.tandem.ui.common.Texts;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The article list's search, filters, order and empty states, over articles kept in memory (no H2, no Lucene). */
class ArticleListViewModelTest {

    static final User SUE = new User(2, "sue", "Sue", Role.SUPERVISOR, 0, Optional.empty());
    static final User BOB = new User(3, "bob", "Bob", Role.AGENT, 0, Optional.empty());

    private final InMemoryArticles kb = new InMemoryArticles().with(
            article("pin-reset-en", "Resetting a PIN", "en", ArticleStatus.PUBLISHED, "pin", "cards"),
            article("card-delivery-en", "Card delivery", "en", ArticleStatus.PUBLISHED, "cards"),
            article("card-delivery-zh", "银行卡寄送", "zh", ArticleStatus.PUBLISHED, "cards"),
            article("fees-en", "Account fees", "en", ArticleStatus.DRAFT, "fees"));

    private ArticleListViewModel list(User user, TaskExecutor tasks) {
        return new ArticleListViewModel(kb, user, tasks, Runnable::run, Texts.of(Locale.ENGLISH));
    }

    private ArticleListViewModel list(User user) {
        return list(user, new CurrentThreadTaskExecutor());
    }

    private static List<String> ids(ArticleListViewModel vm) {
        return vm.rows().stream().map(ArticleListViewModel.ArticleRow::id).toList();
    }

    @Test
    void agentsSeePublishedArticlesSupervisorsSeeAllByLanguageThenTitle() {
        ArticleListViewModel agent = list(BOB);
        agent.search();
        assertEquals(List.of("card-delivery-en", "pin-reset-en", "card-delivery-zh"), ids(agent));
        ArticleListViewModel supervisor = list(SUE);
        supervisor.search();
        assertEquals(List.of("fees-en", "card-delivery-en", "pin-reset-en", "card-delivery-zh"), ids(supervisor));
        assertEquals(ArticleListViewModel.State.IDLE, supervisor.stateProperty().get());
        assertEquals("", supervisor.messageProperty().get());
    }

    @Test
    void aSearchKeepsTheHitsOrderListsEachArticleOnceAndHoldsItsPassage() {
        kb.hitOrder = List.of("pin-reset-en", "card-delivery-en", "card-delivery-zh");
        ArticleListViewModel vm = list(BOB);
        vm.queryProperty().set("  card ");
        vm.search();
        assertEquals(List.of("card-delivery-en"), ids(vm), "only the English title holds the word; one line per article");
        assertTrue(vm.rows().get(0).hit().isPresent());
        assertEquals(List.of("card@" + ArticleListViewModel.SEARCH_LIMIT), kb.searches);

        vm.queryProperty().set("body");
        vm.search();
        assertEquals(List.of("pin-reset-en", "card-delivery-en", "card-delivery-zh"), ids(vm), "relevance: the search's order");
    }

    @Test
    void filtersByLanguageStatusAndPartOfATag() {
        ArticleListViewModel vm = list(SUE);
        vm.languageFilterProperty().set("zh");
        vm.search();
        assertEquals(List.of("card-delivery-zh"), ids(vm));
        vm.languageFilterProperty().set(null);
        vm.tagFilterProperty().set(" CARD ");
        vm.search();
        assertEquals(List.of("card-delivery-en", "pin-reset-en", "card-delivery-zh"), ids(vm));
        vm.tagFilterProperty().set("");
        vm.statusFilterProperty().set(ArticleStatus.DRAFT);
        vm.search();
        assertEquals(List.of("fees-en"), ids(vm));
    }

    @Test
    void ordersByUseAndByChange() {
        kb.usage.put("pin-reset-en", new ArticleUsage("pin-reset-en", 9, 5, 4, Optional.empty()));
        kb.usage.put("card-delivery-zh", new ArticleUsage("card-delivery-zh", 20, 5, 1, Optional.empty()));
        kb.savedByOthers("card-delivery-en", "Card delivery times");
        ArticleListViewModel vm = list(BOB);
        vm.orderProperty().set(ArticleListViewModel.Order.MOST_USED);
        vm.search();
        assertEquals(List.of("card-delivery-zh", "pin-reset-en", "card-delivery-en"), ids(vm), "inserted, then shown");
        assertEquals(9, vm.rows().get(1).usage().shown());
        vm.orderProperty().set(ArticleListViewModel.Order.LEAST_USED);
        vm.search();
        assertEquals(List.of("card-delivery-en", "pin-reset-en", "card-delivery-zh"), ids(vm));
        vm.orderProperty().set(ArticleListViewModel.Order.RECENTLY_CHANGED);
        vm.search();
        assertEquals("card-delivery-en", ids(vm).get(0));
    }

    @Test
    void aNewArticleNeverSavedIsListedFirstForItsAuthorOnly() {
        Article typed = new Article("lost-book-en", "Lost my savings book", "en", ArticleStatus.DRAFT, List.of(), List.of(),
                Optional.empty(), "Typed.", 0, InMemoryArticles.T0, "sue");
        kb.drafts.put("sue/lost-book-en", new ArticleDraft("sue", typed, 0, InMemoryArticles.T0));
        ArticleListViewModel vm = list(SUE);
        vm.search();
        assertEquals("lost-book-en", ids(vm).get(0));
        assertEquals("(new, not saved) Lost my savings book", vm.rows().get(0).title());
        vm.queryProperty().set("savings");
        vm.search();
        assertTrue(vm.rows().isEmpty(), "a search looks in stored articles only");
        ArticleListViewModel agent = list(BOB);
        agent.search();
        assertTrue(ids(agent).stream().noneMatch("lost-book-en"::equals));
    }

    @Test
    void anEmptyListSaysWhetherNothingIsThereOrNothingMatches() {
        ArticleListViewModel vm = list(BOB);
        assertNull(vm.emptyProperty().get(), "nothing said before the first search");
        vm.queryProperty().set("mortgage");
        vm.search();
        assertTrue(vm.rows().isEmpty());
        assertEquals(ArticleListViewModel.Empty.NOTHING_MATCHES, vm.emptyProperty().get());
        assertEquals("No article matches.", vm.messageProperty().get());

        InMemoryArticles onlyDrafts = new InMemoryArticles().with(article("fees-en", "Account fees", "en", ArticleStatus.DRAFT));
        ArticleListViewModel agent = new ArticleListViewModel(onlyDrafts, BOB, new CurrentThreadTaskExecutor(), Runnable::run,
                Texts.of(Locale.ENGLISH));
        agent.search();
        assertEquals(ArticleListViewModel.Empty.NOTHING_STORED, agent.emptyProperty().get(), "agents see no drafts: nothing for them");
        ArticleListViewModel supervisor = new ArticleListViewModel(onlyDrafts, SUE, new CurrentThreadTaskExecutor(), Runnable::run,
                Texts.of(Locale.ENGLISH));
        supervisor.statusFilterProperty().set(ArticleStatus.ARCHIVED);
        supervisor.search();
        assertEquals(ArticleListViewModel.Empty.NOTHING_MATCHES, supervisor.emptyProperty().get());
    }

    @Test
    void aSearchOvertakenByANewerOneIsDroppedAndARefreshLeavesTheMessage() {
        QueuedTaskExecutor tasks = new QueuedTaskExecutor();
        ArticleListViewModel vm = list(BOB, tasks);
        vm.queryProperty().set("PIN");
        vm.search();
        assertEquals(ArticleListViewModel.State.LOADING, vm.stateProperty().get());
        vm.queryProperty().set("delivery");
        vm.search();
        tasks.run(1);
        tasks.run(0);
        assertEquals(List.of("card-delivery-en"), ids(vm));

        vm.queryProperty().set("mortgage");
        vm.search();
        tasks.runAll();
        vm.queryProperty().set("");
        vm.refresh();
        tasks.runAll();
        assertEquals(3, vm.rows().size());
        assertEquals("No article matches.", vm.messageProperty().get(), "a refresh after a save says nothing new");
    }

    @Test
    void aFailedSearchSaysWhy() {
        ArticleCatalogue broken = new ArticleCatalogue() {
            @Override
            public List<Article> all() {
                throw new IllegalStateException("the index is closed");
            }

            @Override
            public List<ArticleHit> search(String text, SearchFilter filter, int limit) {
                return List.of();
            }

            @Override
            public Map<String, ArticleUsage> usage() {
                return Map.of();
            }

            @Override
            public List<ArticleDraft> drafts(User user) {
                return List.of();
            }
        };
        ArticleListViewModel vm = new ArticleListViewModel(broken, BOB, new CurrentThreadTaskExecutor(), Runnable::run,
                Texts.of(Locale.ENGLISH));
        vm.search();
        assertEquals(ArticleListViewModel.State.ERROR, vm.stateProperty().get());
        assertFalse(vm.messageProperty().get().isBlank());
    }
}
