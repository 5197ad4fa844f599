package app.tandem.ui.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.tandem.kb.Article;
import app.tandem.kb.ArticleStatus;
import app.tandem.security.Role;
import app.tandem.security.User;
import app.tandem.ui.TestBackend;
import app.tandem.ui.common.CurrentThreadTaskExecutor;
import app.tandem.ui.common.Texts;
import app.tandem.ui.signin.SignInViewModel;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sign-in messages and the KB tab's role rules, over the real services, run synchronously. */
class SignInAndKnowledgeBaseViewModelTest {

    @TempDir
    static Path folder;
    static TestBackend backend;
    static User admin;
    static User agent;
    final Texts texts = Texts.of(Locale.ENGLISH);
    final CurrentThreadTaskExecutor tasks = new CurrentThreadTaskExecutor();

    @BeforeAll
    static void startBackend() {
        backend = TestBackend.start(folder);
        admin = backend.services.accounts().createFirstAdmin("admin", "Ada Admin", "correct horse".toCharArray());
        agent = backend.services.accounts().createUser("admin", "bob", "Bob Agent", Role.AGENT, "battery staple".toCharArray());
    }

    @AfterAll
    static void stopBackend() {
        backend.close();
    }

    private SignInViewModel signIn(List<User> signedIn) {
        return new SignInViewModel(backend.services.accounts(), tasks, Runnable::run, texts, ZoneId.of("UTC"), false, signedIn::add);
    }

    @Test
    void signInMessagesSayWhatWentWrong() {
        List<User> signedIn = new ArrayList<>();
        SignInViewModel vm = signIn(signedIn);
        vm.usernameProperty().set("nobody");
        vm.passwordProperty().set("whatever1".toCharArray());
        vm.signIn();
        assertTrue(vm.messageProperty().get().contains("no user \u201cnobody\u201d"), vm.messageProperty().get());

        vm.usernameProperty().set("bob");
        vm.passwordProperty().set("wrong password".toCharArray());
        vm.signIn();
        assertTrue(vm.messageProperty().get().contains("4 attempts left"), vm.messageProperty().get());
        for (int i = 0; i < 3; i++) {
            vm.passwordProperty().set("wrong password".toCharArray());
            vm.signIn();
        }
        assertTrue(vm.messageProperty().get().contains("1 attempt left"), vm.messageProperty().get());
        vm.passwordProperty().set("wrong password".toCharArray());
        vm.signIn();
        assertTrue(vm.messageProperty().get().contains("locked"), vm.messageProperty().get());
        assertTrue(vm.messageProperty().get().matches("(?s).*\\d\\d:\\d\\d.*"), "says until when: " + vm.messageProperty().get());
        assertTrue(signedIn.isEmpty());
        assertEquals(SignInViewModel.State.ERROR, vm.stateProperty().get());
    }

    @Test
    void rightPasswordSignsIn() {
        List<User> signedIn = new ArrayList<>();
        SignInViewModel vm = signIn(signedIn);
        vm.usernameProperty().set("admin");
        vm.passwordProperty().set("correct horse".toCharArray());
        vm.signIn();
        assertEquals(List.of("admin"), signedIn.stream().map(User::username).toList());
        assertEquals(0, vm.passwordProperty().get().length, "the password does not linger");
    }

    @Test
    void agentsSeePublishedArticlesOnlyAndCannotEdit() {
        KnowledgeBaseViewModel vm = new KnowledgeBaseViewModel(backend.services.knowledgeBase(), agent, tasks, Runnable::run, texts);
        vm.search();
        assertFalse(vm.list().rows().isEmpty());
        assertTrue(vm.list().rows().stream().allMatch(r -> r.status() == ArticleStatus.PUBLISHED));
        assertFalse(vm.canEdit());
        vm.open(vm.list().rows().get(0).id());
        vm.editor().editTitleProperty().set("Changed by an agent");
        vm.editor().save();
        assertEquals(1, backend.services.knowledgeBase().find(vm.list().rows().get(0).id()).orElseThrow().version());
    }

    @Test
    void searchFindsArticlesWithSnippets() {
        KnowledgeBaseViewModel vm = new KnowledgeBaseViewModel(backend.services.knowledgeBase(), agent, tasks, Runnable::run, texts);
        vm.list().queryProperty().set("card not arrived");
        vm.search();
        assertFalse(vm.list().rows().isEmpty());
        assertTrue(vm.list().rows().get(0).hit().isPresent());
    }

    @Test
    void supervisorSavesANewVersionAndAConflictIsExplained() {
        KnowledgeBaseViewModel vm = new KnowledgeBaseViewModel(backend.services.knowledgeBase(), admin, tasks, Runnable::run, texts);
        vm.search();
        String id = vm.list().rows().get(vm.list().rows().size() - 1).id();
        vm.open(id);
        int before = vm.editor().articleProperty().get().version();
        vm.editor().editTagsProperty().set("cards, test");
        vm.editor().save();
        assertEquals(ArticleEditorViewModel.State.SAVED, vm.editor().stateProperty().get(), vm.editor().messageProperty().get());
        assertEquals(before + 1, vm.editor().articleProperty().get().version());
        assertEquals(List.of("cards", "test"), vm.editor().articleProperty().get().tags());

        // Someone else saves meanwhile: this editor's save must not overwrite it.
        Article theirs = backend.services.knowledgeBase().find(id).orElseThrow();
        backend.services.knowledgeBase().save(theirs.withContent(theirs.title() + " (theirs)", theirs.body(), theirs.tags(),
                theirs.status()), theirs.version(), "carol");
        vm.editor().editTitleProperty().set("Mine");
        vm.editor().save();
        assertEquals(ArticleEditorViewModel.State.ERROR, vm.editor().stateProperty().get());
        assertTrue(vm.editor().messageProperty().get().startsWith("Not saved."), vm.editor().messageProperty().get());
        assertEquals("Mine", vm.editor().editTitleProperty().get(), "the editor keeps the person's text");
    }

    @Test
    void aConflictIsExplainedInTheEditorsLanguage() {
        Texts zh = Texts.of(Locale.SIMPLIFIED_CHINESE);
        KnowledgeBaseViewModel vm = new KnowledgeBaseViewModel(backend.services.knowledgeBase(), admin, tasks, Runnable::run, zh);
        vm.search();
        // The middle of the list: the other tests edit the first and the last article.
        String id = vm.list().rows().get(vm.list().rows().size() / 2).id();
        vm.open(id);
        Article theirs = backend.services.knowledgeBase().find(id).orElseThrow();
        backend.services.knowledgeBase().save(theirs.withContent(theirs.title() + " (theirs)", theirs.body(), theirs.tags(),
                theirs.status()), theirs.version(), "carol");
        vm.editor().editTitleProperty().set("我的标题");
        vm.editor().save();
        assertEquals(ArticleEditorViewModel.State.ERROR, vm.editor().stateProperty().get());
        assertEquals("未保存。“" + id + "”已被其他人修改（现为第 " + (theirs.version() + 1) + " 版，你编辑的是第 " + theirs.version()
                + " 版）。请重新打开，查看对方的修改。", vm.editor().messageProperty().get());
    }

    @Test
    void chineseTextsHaveEveryKey() {
        Texts zh = Texts.of(Locale.SIMPLIFIED_CHINESE);
        assertEquals("发送", zh.get("compose.send"));
        assertEquals("Send", texts.get("compose.send"));
        assertEquals("2 min", texts.format("wait.minutes", 2));
    }
}
