package app.tandem.ui.kb;

import static app.tandem.ui.kb.InMemoryArticles.article;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.tandem.kb.Article;
import app.tandem.kb.ArticleStatus;
import app.tandem.kb.curation.NotPermittedException;
import app.tandem.security.User;
import app.tandem.ui.common.CurrentThreadTaskExecutor;
import app.tandem.ui.common.Texts;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The open article's editor: validation, drafts, saves and conflicts, over articles kept in memory. */
class ArticleEditorViewModelTest {

    private final InMemoryArticles kb = new InMemoryArticles().with(
            article("pin-reset-en", "Resetting a PIN", "en", ArticleStatus.PUBLISHED, "pin"),
            article("card-delivery-en", "Card delivery", "en", ArticleStatus.PUBLISHED));
    private final List<String> shown = new ArrayList<>();
    private int saves;

    private ArticleEditorViewModel editor(User user) {
        return new ArticleEditorViewModel(kb, user, new CurrentThreadTaskExecutor(), Runnable::run, Texts.of(Locale.ENGLISH),
                a -> shown.add(a.id()), () -> saves++);
    }

    @Test
    void openingFillsTheFieldsAndSaysWhatWasShown() {
        ArticleEditorViewModel vm = editor(ArticleListViewModelTest.SUE);
        vm.open("pin-reset-en");
        assertEquals("Resetting a PIN", vm.editTitleProperty().get());
        assertEquals("pin", vm.editTagsProperty().get());
        assertEquals(ArticleStatus.PUBLISHED, vm.editStatusProperty().get());
        assertEquals(List.of("pin-reset-en"), shown);
        assertEquals(ArticleEditorViewModel.State.IDLE, vm.stateProperty().get());
        vm.open("gone-en");
        assertEquals("Article gone-en no longer exists.", vm.messageProperty().get());
    }

    @Test
    void aTitleAndABodyAreNeededAndNothingIsSavedWithout() {
        ArticleEditorViewModel vm = editor(ArticleListViewModelTest.SUE);
        vm.open("pin-reset-en");
        vm.editBodyProperty().set("  ");
        vm.save();
        assertEquals(ArticleEditorViewModel.State.ERROR, vm.stateProperty().get());
        assertEquals("An article needs a title and a body.", vm.messageProperty().get());
        assertEquals(1, kb.articles.get("pin-reset-en").version());
        assertEquals(0, saves);
    }

    @Test
    void aSaveMakesAVersionCleansTheFieldsAndListsIt() {
        ArticleEditorViewModel vm = editor(ArticleListViewModelTest.SUE);
        vm.open("pin-reset-en");
        vm.editTagsProperty().set(" pin , cards, pin ,, ");
        vm.editStatusProperty().set(ArticleStatus.DRAFT);
        vm.save();
        assertEquals(ArticleEditorViewModel.State.SAVED, vm.stateProperty().get());
        assertEquals("Saved as version 2 (not published: agents do not see it).", vm.messageProperty().get());
        assertEquals(List.of("pin", "cards"), kb.articles.get("pin-reset-en").tags());
        assertEquals(1, saves, "the list shows the new version");
    }

    @Test
    void agentsCannotSave() {
        ArticleEditorViewModel vm = editor(ArticleListViewModelTest.BOB);
        vm.open("pin-reset-en");
        vm.editTitleProperty().set("Changed by an agent");
        vm.save();
        vm.autosave();
        assertEquals(1, kb.articles.get("pin-reset-en").version());
        assertTrue(kb.drafts.isEmpty(), "agents keep no drafts");
    }

    @Test
    void typingIsKeptAsADraftOfferedOnReopenAndRestored() {
        ArticleEditorViewModel vm = editor(ArticleListViewModelTest.SUE);
        vm.open("pin-reset-en");
        vm.autosave();
        assertTrue(kb.drafts.isEmpty(), "nothing typed, nothing kept");
        vm.editBodyProperty().set("Half a sentence");
        vm.autosave();
        assertTrue(vm.draftStatusProperty().get().startsWith("Draft kept"), vm.draftStatusProperty().get());

        ArticleEditorViewModel later = editor(ArticleListViewModelTest.SUE);
        later.open("pin-reset-en");
        assertNotNull(later.draftOfferProperty().get());
        assertEquals("Resetting a PIN body.", later.editBodyProperty().get(), "the saved text shows until the draft is chosen");
        later.restoreDraft();
        assertEquals("Half a sentence", later.editBodyProperty().get());
        assertEquals("Your draft is back in the editor. Save it to make it a version.", later.messageProperty().get());
        assertEquals(1, later.editRequestsProperty().get(), "the view switches to the editor");

        kb.savedByOthers("pin-reset-en", "Resetting your PIN");
        ArticleEditorViewModel third = editor(ArticleListViewModelTest.SUE);
        third.open("pin-reset-en");
        third.restoreDraft();
        assertTrue(third.messageProperty().get().startsWith("Your draft started from version 1; the article is now at version 2"),
                third.messageProperty().get());
    }

    @Test
    void aDiscardedDraftIsGone() {
        ArticleEditorViewModel vm = editor(ArticleListViewModelTest.SUE);
        vm.open("pin-reset-en");
        vm.editTitleProperty().set("Draft title");
        vm.autosave();
        ArticleEditorViewModel later = editor(ArticleListViewModelTest.SUE);
        later.open("pin-reset-en");
        later.discardDraft();
        assertNull(later.draftOfferProperty().get());
        assertTrue(kb.drafts.isEmpty());
        assertEquals("Resetting a PIN", later.editTitleProperty().get());
    }

    @Test
    void aConflictKeepsMyTextShowsBothAndEitherWayOut() {
        ArticleEditorViewModel vm = editor(ArticleListViewModelTest.SUE);
        vm.open("card-delivery-en");
        kb.savedByOthers("card-delivery-en", "Card delivery (Sam)");
        vm.editTitleProperty().set("Card delivery (Sue)");
        vm.save();
        assertEquals(ArticleEditorViewModel.State.ERROR, vm.stateProperty().get());
        assertTrue(vm.messageProperty().get().startsWith("Not saved."), vm.messageProperty().get());
        assertEquals("Card delivery (Sue)", vm.editTitleProperty().get());
        ArticleEditorViewModel.Conflict conflict = vm.conflictProperty().get();
        assertEquals("Card delivery (Sam)", conflict.theirs().title());
        assertEquals("Card delivery (Sue)", conflict.mine().title());
        assertTrue(vm.mineAsText().contains("title: Card delivery (Sue)"));
        vm.keepMine();
        assertEquals(ArticleEditorViewModel.State.SAVED, vm.stateProperty().get());
        assertEquals("Card delivery (Sue)", kb.articles.get("card-delivery-en").title());
        assertEquals(3, kb.articles.get("card-delivery-en").version());

        kb.savedByOthers("card-delivery-en", "Card delivery (Sam again)");
        vm.editTitleProperty().set("Mine again");
        vm.save();
        vm.takeTheirs();
        assertEquals("Card delivery (Sam again)", vm.editTitleProperty().get());
        assertNull(vm.conflictProperty().get());
        assertEquals("Their version 4 is in the editor now.", vm.messageProperty().get());
    }

    @Test
    void aFailedSaveSaysNotSavedAndARefusalIsItsOwnSentence() {
        Texts texts = Texts.of(Locale.ENGLISH);
        ArticleEditorViewModel vm = editor(ArticleListViewModelTest.SUE);
        vm.open("pin-reset-en");
        vm.editTitleProperty().set("Resetting your PIN");
        IllegalStateException broken = new IllegalStateException("disk full");
        kb.failNextSave = broken;
        vm.save();
        assertEquals(ArticleEditorViewModel.State.ERROR, vm.stateProperty().get());
        assertEquals(texts.format("kb.saveFailed", texts.failure(broken)), vm.messageProperty().get());
        NotPermittedException refused = NotPermittedException.setStatus("PUBLISHED");
        kb.failNextSave = refused;
        vm.save();
        assertEquals(texts.failure(refused), vm.messageProperty().get(), "no \u201cNot saved:\u201d in front of a sentence of its own");
        assertEquals(0, saves);
        assertEquals("Resetting your PIN", vm.editTitleProperty().get(), "the editor keeps the text");
    }

    @Test
    void aNewArticleOpensInTheEditorNotStoredUntilSaved() {
        ArticleEditorViewModel vm = editor(ArticleListViewModelTest.SUE);
        vm.open("pin-reset-en");
        vm.newArticle("Lost savings book", "zh", "First lines");
        Article fresh = vm.articleProperty().get();
        assertEquals("lost-savings-book-zh", fresh.id());
        assertEquals(0, fresh.version());
        assertEquals("First lines", vm.editBodyProperty().get());
        assertEquals("pin-reset-en", vm.linkedTranslationProperty().get(), "written from an article in the other language");
        assertEquals(1, vm.editRequestsProperty().get());
        assertFalse(kb.articles.containsKey("lost-savings-book-zh"));
        vm.save();
        assertEquals(1, kb.articles.get("lost-savings-book-zh").version());

        ArticleEditorViewModel agent = editor(ArticleListViewModelTest.BOB);
        agent.newArticle("Anything", "en", "");
        assertNull(agent.articleProperty().get(), "agents do not start articles");
    }

    @Test
    void withoutCurationThereAreNoDraftsButSavesStillWork() {
        kb.curates = false;
        ArticleEditorViewModel vm = editor(ArticleListViewModelTest.SUE);
        vm.open("pin-reset-en");
        vm.editBodyProperty().set("Typed");
        vm.autosave();
        assertTrue(kb.drafts.isEmpty());
        vm.save();
        assertEquals(2, kb.articles.get("pin-reset-en").version());
    }

    /** Removing a learned question lists what is left and says so; another article's questions never land here. */
    @Test
    void learnedQuestionsFollowTheOpenArticle() {
        var q = kb.learned(1, "pin-reset-en", "forgot my pin");
        kb.learned(2, "card-delivery-en", "where is my card");
        LearnedQuestionsViewModel questions = new LearnedQuestionsViewModel(kb, ArticleListViewModelTest.SUE,
                new CurrentThreadTaskExecutor(), Runnable::run, Texts.of(Locale.ENGLISH));
        questions.load("pin-reset-en");
        assertEquals(List.of(q), questions.questions());
        questions.remove(q);
        assertTrue(questions.questions().isEmpty());
        assertEquals("Question removed; search no longer uses it.", questions.messageProperty().get());

        LearnedQuestionsViewModel agents = new LearnedQuestionsViewModel(kb, ArticleListViewModelTest.BOB,
                new CurrentThreadTaskExecutor(), Runnable::run, Texts.of(Locale.ENGLISH));
        agents.load("card-delivery-en");
        assertTrue(agents.questions().isEmpty(), "agents are not shown learned questions");
    }
}
