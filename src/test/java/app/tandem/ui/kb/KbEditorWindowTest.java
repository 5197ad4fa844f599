package app.tandem.ui.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.tandem.Slow;
import app.tandem.kb.Article;
import app.tandem.kb.ArticleStatus;
import app.tandem.ui.DeskSession;
import app.tandem.ui.TestBackend;
import app.tandem.ui.desk.DeskWindowFixture;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Issue 7's done-criterion, headless: a supervisor edits and publishes an article in the Knowledge
 * base tab; an agent who signs in next finds the new text by searching.
 */
@ExtendWith(ApplicationExtension.class)
@Slow
class KbEditorWindowTest {

    private static final String ARTICLE = "card-delivery-en";

    @TempDir
    Path folder;
    private DeskWindowFixture desk;
    private TestBackend backend;
    private DeskSession session;

    @Start
    void start(Stage stage) {
        desk = DeskWindowFixture.withStaff(stage, folder);
        backend = desk.backend;
        session = desk.session;
    }

    @AfterEach
    void stop(FxRobot robot) {
        desk.close(robot);
    }

    private static void waitUntil(String what, Callable<Boolean> condition) throws Exception {
        DeskWindowFixture.waitUntil(what, condition);
    }

    private void signIn(FxRobot robot, String user, String password) throws Exception {
        desk.signIn(robot, user, password);
        waitUntil("the knowledge base list", () -> robot.lookup("#kbList").tryQuery().isPresent());
        robot.interact(() -> robot.lookup("#tabs").queryAs(TabPane.class).getSelectionModel().select(1));
    }

    @SuppressWarnings("unchecked")
    private static ListView<ArticleListViewModel.ArticleRow> list(FxRobot robot) {
        return robot.lookup("#kbList").queryAs(ListView.class);
    }

    @Test
    void supervisorPublishesAnEditAndTheAgentFindsIt(FxRobot robot) throws Exception {
        signIn(robot, "sue", "battery staple");
        waitUntil("the article list", () -> list(robot).getItems().stream().anyMatch(r -> r.id().equals(ARTICLE)));
        robot.interact(() -> {
            var l = list(robot);
            l.getSelectionModel().select(l.getItems().stream().filter(r -> r.id().equals(ARTICLE)).findFirst().orElseThrow());
        });
        waitUntil("the article in the editor", () -> robot.lookup("#kbEditTitle").queryAs(TextField.class).getText()
                .equals(backend.services.knowledgeBase().find(ARTICLE).orElseThrow().title()));
        robot.interact(() -> robot.lookup("#kbTabs").queryAs(TabPane.class).getSelectionModel().select(1));
        robot.clickOn("#kbEditBody");
        robot.interact(() -> {
            TextArea body = robot.lookup("#kbEditBody").queryAs(TextArea.class);
            body.setText(body.getText() + "\n\nParcels from Zebracourier are tracked every hour.");
        });
        waitUntil("the live preview", () -> robot.lookup("#kbPreview").queryAs(javafx.scene.control.ScrollPane.class)
                .getContent() != null);
        robot.clickOn("#kbSave");
        waitUntil("the new version stored", () -> backend.services.knowledgeBase().find(ARTICLE).orElseThrow().version() == 2);
        Article saved = backend.services.knowledgeBase().find(ARTICLE).orElseThrow();
        assertEquals(ArticleStatus.PUBLISHED, saved.status());
        assertEquals("sue", saved.updatedBy());
        assertTrue(saved.body().endsWith("tracked every hour."));
        // The version commits first; the index and the audit entry follow before the save returns.
        waitUntil("the publish audited", () -> backend.services.audit().latest(20).stream()
                .anyMatch(e -> e.action().equals("kb.publish") && e.target().equals(ARTICLE) && e.actor().equals("sue")));

        robot.interact(() -> session.signOut());
        signIn(robot, "bob", "battery staple");
        robot.clickOn("#kbSearch").write("zebracourier");
        waitUntil("the agent's search finds the new text", () -> list(robot).getItems().stream()
                .anyMatch(r -> r.id().equals(ARTICLE) && r.hit().isPresent()));
        assertTrue(robot.lookup("#kbNew").tryQuery().isEmpty(), "agents do not get the editor's tools");
    }
}
