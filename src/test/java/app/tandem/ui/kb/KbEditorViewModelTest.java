package app.tandem.ui.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.tandem.kb.Article;
import app.tandem.kb.ArticleStatus;
import app.tandem.kb.curation.DiffLine;
import app.tandem.kb.transfer.ImportReport;
import app.tandem.security.Role;
import app.tandem.security.User;
import app.tandem.ui.TestBackend;
import app.tandem.ui.common.CurrentThreadTaskExecutor;
import app.tandem.ui.common.Texts;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The KB editor's view models over the real services, run synchronously. */
class KbEditorViewModelTest {

    @TempDir
    static Path folder;
    static TestBackend backend;
    static User sue;
    static User sam;
    static User agent;
    final Texts texts = Texts.of(Locale.ENGLISH);
    final CurrentThreadTaskExecutor tasks = new CurrentThreadTaskExecutor();

    @BeforeAll
    static void startBackend() {
        backend = TestBackend.start(folder.resolve("data"));
        backend.services.accounts().createFirstAdmin("admin", "Ada Admin", "correct horse".toCharArray());
        sue = backend.services.accounts().createUser("admin", "sue", "Sue", Role.SUPERVISOR, "battery staple".toCharArray());
        sam = backend.services.accounts().createUser("admin", "sam", "Sam", Role.SUPERVISOR, "battery staple".toCharArray());
        agent = backend.services.accounts().createUser("admin", "bob", "Bob", Role.AGENT, "battery staple".toCharArray());
    }

    @AfterAll
    static void stopBackend() {
        backend.close();
    }

    private KnowledgeBaseViewModel kb(User user) {
        return new KnowledgeBaseViewModel(backend.services.knowledgeBase(), Optional.of(backend.services.curation()), user,
                tasks, Runnable::run, texts);
    }

    @Test
    void typingIsKeptAsADraftAndOfferedWhenTheArticleReopens() {
        KnowledgeBaseViewModel vm = kb(sue);
        vm.open("card-activate-en");
        vm.editor().editBodyProperty().set(vm.editor().editBodyProperty().get() + "\n\nHalf a sentence I have not saved");
        vm.autosave();
        assertTrue(vm.editor().draftStatusProperty().get().startsWith("Draft kept"), vm.editor().draftStatusProperty().get());
        assertEquals(1, backend.services.knowledgeBase().find("card-activate-en").orElseThrow().version(), "not a version");

        KnowledgeBaseViewModel later = kb(sue);
        later.open("card-activate-en");
        assertNotNull(later.editor().draftOfferProperty().get());
        assertFalse(later.editor().editBodyProperty().get().contains("Half a sentence"), "the saved text shows until the draft is chosen");
        later.editor().restoreDraft();
        assertTrue(later.editor().editBodyProperty().get().endsWith("Half a sentence I have not saved"));
        later.editor().save();
        assertEquals(ArticleEditorViewModel.State.SAVED, later.editor().stateProperty().get(), later.editor().messageProperty().get());

        KnowledgeBaseViewModel third = kb(sue);
        third.open("card-activate-en");
        assertNull(third.editor().draftOfferProperty().get(), "saving drops the draft");
        KnowledgeBaseViewModel other = kb(sam);
        other.open("card-activate-en");
        assertNull(other.editor().draftOfferProperty().get(), "drafts are per person");
    }

    @Test
    void aConflictShowsBothVersionsAndKeepMineSavesOverTheirs() {
        KnowledgeBaseViewModel mine = kb(sue);
        mine.open("transfer-timing-en");
        KnowledgeBaseViewModel theirs = kb(sam);
        theirs.open("transfer-timing-en");
        theirs.editor().editTitleProperty().set("Transfer timing (Sam)");
        theirs.editor().save();
        mine.editor().editTitleProperty().set("Transfer timing (Sue)");
        mine.editor().save();
        ArticleEditorViewModel.Conflict conflict = mine.editor().conflictProperty().get();
        assertNotNull(conflict);
        assertEquals("Transfer timing (Sam)", conflict.theirs().title());
        assertEquals("Transfer timing (Sue)", conflict.mine().title());
        assertTrue(conflict.diff().contains(new DiffLine(DiffLine.Kind.ADDED, "title: Transfer timing (Sue)")), conflict.diff().toString());
        assertTrue(mine.editor().mineAsText().contains("title: Transfer timing (Sue)"));
        mine.editor().keepMine();
        assertEquals(ArticleEditorViewModel.State.SAVED, mine.editor().stateProperty().get(), mine.editor().messageProperty().get());
        Article now = backend.services.knowledgeBase().find("transfer-timing-en").orElseThrow();
        assertEquals("Transfer timing (Sue)", now.title());
        assertEquals(3, now.version());

        theirs.editor().editTitleProperty().set("Sam again");
        theirs.editor().save();
        assertNotNull(theirs.editor().conflictProperty().get());
        theirs.editor().takeTheirs();
        assertEquals("Transfer timing (Sue)", theirs.editor().editTitleProperty().get());
        assertNull(theirs.editor().conflictProperty().get());
    }

    @Test
    void filtersByLanguageStatusTagAndOrdersByUsage() {
        KnowledgeBaseViewModel vm = kb(sue);
        vm.list().languageFilterProperty().set("zh");
        vm.search();
        assertFalse(vm.list().rows().isEmpty());
        assertTrue(vm.list().rows().stream().allMatch(r -> r.language().equals("zh")));
        vm.list().languageFilterProperty().set(null);
        vm.list().tagFilterProperty().set("pin");
        vm.search();
        assertFalse(vm.list().rows().isEmpty());
        assertTrue(vm.list().rows().stream().allMatch(r -> r.tags().stream().anyMatch(t -> t.contains("pin"))));
        vm.list().tagFilterProperty().set("");
        vm.list().statusFilterProperty().set(ArticleStatus.ARCHIVED);
        vm.search();
        assertTrue(vm.list().rows().isEmpty());
        vm.list().statusFilterProperty().set(null);
        vm.list().orderProperty().set(ArticleListViewModel.Order.RECENTLY_CHANGED);
        vm.list().queryProperty().set("card");
        vm.search();
        assertFalse(vm.list().rows().isEmpty());
    }

    @Test
    void newArticleOpensInTheEditorAndSavesAsVersion1() {
        KnowledgeBaseViewModel vm = kb(sue);
        vm.newArticle("Paying a parking fine by card", "en", "");
        assertEquals("paying-a-parking-fine-by-card-en", vm.editor().articleProperty().get().id());
        assertEquals(1, vm.editor().editRequestsProperty().get());
        vm.editor().editBodyProperty().set("Yes, like any other card payment.");
        vm.editor().editStatusProperty().set(ArticleStatus.PUBLISHED);
        vm.editor().save();
        assertEquals(ArticleEditorViewModel.State.SAVED, vm.editor().stateProperty().get(), vm.editor().messageProperty().get());
        assertEquals(1, vm.editor().articleProperty().get().version());
        vm.newArticle("Paying a parking fine by card", "en", "");
        assertTrue(vm.editor().messageProperty().get().contains("exists already"), vm.editor().messageProperty().get());
    }

    @Test
    void aTitleTakenAndAPublishTheRoleDoesNotAllowAreSaidInChinese() {
        Texts zh = Texts.of(Locale.SIMPLIFIED_CHINESE);
        KnowledgeBaseViewModel vm = new KnowledgeBaseViewModel(backend.services.knowledgeBase(), Optional.of(backend.services.curation()),
                sue, tasks, Runnable::run, zh);
        vm.newArticle("Card delivery abroad for texts", "en", "");
        vm.editor().editBodyProperty().set("It takes up to ten working days.");
        vm.editor().save();
        assertEquals(ArticleEditorViewModel.State.SAVED, vm.editor().stateProperty().get(), vm.editor().messageProperty().get());
        vm.newArticle("Card delivery abroad for texts", "en", "");
        assertEquals("已有 id 为“card-delivery-abroad-for-texts-en”的文章：请打开它，或换一个标题。", vm.editor().messageProperty().get());
    }

    @Test
    void aNewArticleNeverSavedIsListedFromItsDraftAndReopens() {
        KnowledgeBaseViewModel vm = kb(sam);
        vm.newArticle("Lost my savings book", "en", "");
        vm.editor().editBodyProperty().set("Typed but never saved.");
        vm.autosave();

        KnowledgeBaseViewModel later = kb(sam);
        later.search();
        ArticleListViewModel.ArticleRow row = later.list().rows().get(0);
        assertEquals("lost-my-savings-book-en", row.id());
        assertEquals("(new, not saved) Lost my savings book", row.title());
        later.open(row.id());
        assertEquals("Typed but never saved.", later.editor().editBodyProperty().get());
        assertEquals(0, later.editor().articleProperty().get().version());
        later.editor().save();
        assertEquals(1, later.editor().articleProperty().get().version(), later.editor().messageProperty().get());
    }

    @Test
    void historyComparesAndRestores() {
        KnowledgeBaseViewModel vm = kb(sue);
        vm.open("atm-card-swallowed-en");
        vm.editor().editBodyProperty().set("Replaced body.");
        vm.editor().save();
        ArticleHistoryViewModel history = new ArticleHistoryViewModel(backend.services.curation().curation(), sue, tasks,
                Runnable::run, texts, saved -> vm.open(saved.id()));
        history.load(vm.editor().articleProperty().get());
        assertEquals(2, history.versions().size());
        assertTrue(history.diff().contains(new DiffLine(DiffLine.Kind.ADDED, "Replaced body.")));
        history.restore(history.versions().get(1));
        assertEquals(3, vm.editor().articleProperty().get().version());
        assertFalse(vm.editor().editBodyProperty().get().contains("Replaced body."));
        assertEquals("Version 1 restored as version 3.", history.messageProperty().get());
    }

    @Test
    void exportAndImportRunInTheBackgroundWithAReportFirst() {
        Path bundle = folder.resolve("kb.zip");
        KbTransferViewModel transfer = new KbTransferViewModel(backend.services.curation().transfer(), sue, tasks,
                Runnable::run, texts, () -> { });
        transfer.export(bundle);
        assertTrue(transfer.messageProperty().get().startsWith("Exported"), transfer.messageProperty().get());
        assertFalse(transfer.progress().runningProperty().get());
        transfer.planImport(bundle);
        KbTransferViewModel.PendingImport pending = transfer.pendingProperty().get();
        assertNotNull(pending);
        assertEquals(0, pending.report().count(ImportReport.Kind.CONFLICT));
        transfer.confirmImport(false);
        assertTrue(transfer.messageProperty().get().startsWith("Imported: 0 new"), transfer.messageProperty().get());

        KbTransferViewModel agentTransfer = new KbTransferViewModel(backend.services.curation().transfer(), agent, tasks,
                Runnable::run, texts, () -> { });
        agentTransfer.planImport(bundle);
        assertNull(agentTransfer.pendingProperty().get(), "agents do not import");
    }

    @Test
    void aFileBrokenBetweenTheReportAndTheImportIsExplainedInTheDesksLanguage() throws java.io.IOException {
        Path dir = java.nio.file.Files.createDirectories(folder.resolve("changing"));
        Path file = java.nio.file.Files.writeString(dir.resolve("hours-en.md"),
                "---\nid: opening-hours-en\ntitle: Opening hours\nlanguage: en\n---\n9 to 5.\n");
        KbTransferViewModel transfer = new KbTransferViewModel(backend.services.curation().transfer(), sue, tasks,
                Runnable::run, Texts.of(Locale.SIMPLIFIED_CHINESE), () -> { });
        transfer.planImport(dir);
        assertFalse(transfer.pendingProperty().get().report().refused());
        java.nio.file.Files.writeString(file, "Just text\n");
        transfer.confirmImport(false);
        assertEquals("已拒绝：1 个文件无法读取。未导入任何内容；请修正或移除后重新导入。 hours-en.md：缺少前置元数据（front matter）：文件必须以一行“---”开头",
                transfer.messageProperty().get());
        assertTrue(backend.services.knowledgeBase().find("opening-hours-en").isEmpty());

        java.nio.file.Files.writeString(file, "---\nid: opening-hours-en\ntitle: Opening hours\nlanguage: en\n---\n9 to 5.\n");
        transfer.planImport(dir);
        java.nio.file.Files.writeString(dir.resolve("weekend-en.md"), "---\nid: weekend-en\ntitle: Weekends\nlanguage: en\n---\nClosed.\n");
        transfer.confirmImport(false);
        assertEquals("生成导入报告后，知识库或文件已发生变化；未导入任何内容。请重新导入以查看新的报告。", transfer.messageProperty().get());
        assertTrue(backend.services.knowledgeBase().find("opening-hours-en").isEmpty());
    }

    @Test
    void gapsWithoutModelsSayTheyGroupByWords() {
        KbGapsViewModel gaps = new KbGapsViewModel(backend.services.knowledgeBase(), backend.services.curation().gaps(),
                backend.services.curation().duplicates(), tasks, Runnable::run, texts);
        var c = backend.services.conversations().open(Optional.empty(), app.tandem.conversation.Channel.CHAT, "gap");
        backend.services.conversations().receiveFromCustomer(c.id(), "Can I open a joint account with my partner?");
        gaps.findGaps();
        assertTrue(gaps.gapNoteProperty().get().contains("shared words"), gaps.gapNoteProperty().get());
        assertTrue(gaps.clusters().stream().anyMatch(cl -> cl.questions().stream()
                .anyMatch(q -> q.text().contains("joint account"))));
        gaps.findDuplicates();
        assertTrue(gaps.duplicateNoteProperty().get().contains("needs the language models"), gaps.duplicateNoteProperty().get());
        assertEquals(List.of(), gaps.pairs());
    }
}
