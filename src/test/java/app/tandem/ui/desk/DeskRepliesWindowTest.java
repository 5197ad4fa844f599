package app.tandem.ui.desk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.tandem.Slow;
import app.tandem.assist.Suggestion;
import app.tandem.assist.SuggestionAction;
import app.tandem.assist.SuggestionLog;
import app.tandem.conversation.Channel;
import app.tandem.conversation.Conversation;
import java.nio.file.Path;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Issue 5's desk side, headless: a supervisor writes a macro with a variable in the Macros tab and it
 * is suggested with the customer's name filled in; an agent rejects a suggestion with a reason and
 * the reason is in H2.
 */
@ExtendWith(ApplicationExtension.class)
@Slow
class DeskRepliesWindowTest {

    @TempDir
    Path folder;
    private DeskWindowFixture desk;

    @Start
    void start(Stage stage) {
        desk = DeskWindowFixture.withStaff(stage, folder);
    }

    @AfterEach
    void stop(FxRobot robot) {
        desk.close(robot);
    }

    private static int childCount(FxRobot robot, String query) {
        return (int) robot.lookup(query).queryAs(Pane.class).getChildren().stream().filter(javafx.scene.Node::isVisible).count();
    }

    @Test
    void supervisorWritesAMacroAndItIsSuggestedWithTheCustomersName(FxRobot robot) throws Exception {
        desk.signIn(robot, "sue", DeskWindowFixture.PASSWORD);
        assertTrue(DeskWindowFixture.selectTab(robot, "macrosTab"), "supervisors have the Macros tab");
        DeskWindowFixture.waitUntil("the starter macros", () -> robot.lookup("#macroList")
                .queryAs(javafx.scene.control.ListView.class).getItems().size() == 16);

        robot.clickOn("#macroNew");
        javafx.scene.control.ComboBox<app.tandem.assist.Macro.Moment> moment = robot.lookup("#macroMoment").query();
        assertEquals("Any time", moment.getConverter().toString(moment.getValue()),
                "a new macro is offered at any stage, in the supervisor's words");
        robot.clickOn("#macroTitle").write("Zanzibar travel notice");
        robot.clickOn("#macroBody").write("Thank you {customer.nickname}");
        DeskWindowFixture.waitUntil("the unknown variable named", () -> robot.lookup("#macroProblems").queryAs(Label.class)
                .getText().contains("{customer.nickname} is not a variable"));
        assertTrue(robot.lookup("#macroSave").query().isDisabled(), "cannot save with an unknown variable");
        robot.interact(() -> robot.lookup("#macroBody").queryAs(TextArea.class)
                .setText("Thank you {customer.firstName}, I have added a travel notice for Zanzibar to your profile."));
        robot.clickOn("#macroTriggers").write("travel notice for Zanzibar");
        DeskWindowFixture.waitUntil("the preview filled", () -> robot.lookup("#macroPreview").queryAs(Pane.class)
                .getChildrenUnmodifiable().stream().anyMatch(n -> n instanceof javafx.scene.text.Text t && t.getText().contains("Thank you ")));
        assertFalse(robot.lookup("#macroProblems").query().isVisible());
        robot.clickOn("#macroSave");
        DeskWindowFixture.waitUntil("the macro stored", () -> desk.backend.services.assist().macros().orElseThrow().all().stream()
                .anyMatch(m -> m.title().equals("Zanzibar travel notice")));

        DeskWindowFixture.selectTab(robot, "deskTab");
        Conversation c = desk.backend.services.conversations().open(Optional.of("C1001"), Channel.CHAT, "Trip");
        robot.interact(() -> desk.session.mainWindow().deskViewModel().select(c.id()));
        desk.backend.services.conversations().receiveFromCustomer(c.id(), "Hello, can you add a travel notice for Zanzibar?");
        String expected = "Thank you Emma, I have added a travel notice for Zanzibar to your profile.";
        DeskWindowFixture.waitUntil("the macro suggested", () -> robot.lookup("#suggestions").queryAs(Pane.class)
                .lookupAll(".label").stream().anyMatch(n -> n instanceof Label l && expected.equals(l.getText())));
    }

    @Test
    void agentRejectsASuggestionWithAReasonAndItIsStored(FxRobot robot) throws Exception {
        desk.signIn(robot, "bob", DeskWindowFixture.PASSWORD);
        assertFalse(DeskWindowFixture.selectTab(robot, "macrosTab"), "agents have no Macros tab");
        Conversation c = desk.backend.services.conversations().open(Optional.of("C1001"), Channel.CHAT, "Card");
        robot.interact(() -> desk.session.mainWindow().deskViewModel().select(c.id()));
        desk.backend.services.conversations().receiveFromCustomer(c.id(), "My card hasn't arrived yet, it's been two weeks");
        DeskWindowFixture.waitUntil("a suggested reply", () -> childCount(robot, "#suggestions") > 0);
        Suggestion first = desk.session.mainWindow().deskViewModel().suggestions().suggestions().get(0);

        robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.DIGIT1);
        DeskWindowFixture.waitUntil("the reject dialog", () -> robot.lookup("#rejectDialog").tryQuery().isPresent());
        robot.clickOn("#rejectReason_WRONG_FACTS");
        robot.clickOn("#rejectNote").write("delivery takes 5 days now");
        Node rejectButton = robot.lookup(".button").match((Node n) -> n instanceof javafx.scene.control.Button b
                && b.getText().equals("Reject")).query();
        robot.clickOn(rejectButton);

        SuggestionLog log = desk.backend.suggestionLog();
        DeskWindowFixture.waitUntil("the rejection stored", () -> log.forConversation(c.id()).stream()
                .anyMatch(l -> l.id() == first.id() && l.action() == SuggestionAction.REJECTED));
        SuggestionLog.Logged row = log.forConversation(c.id()).stream().filter(l -> l.id() == first.id()).findFirst().orElseThrow();
        assertEquals(Optional.of("wrong-facts: delivery takes 5 days now"), row.rejectReason());
        assertEquals("bob", row.agent());
        assertFalse(desk.session.mainWindow().deskViewModel().suggestions().suggestions().contains(first), "it left the panel");
        assertTrue(robot.lookup("#rejectNote").tryQuery().isEmpty(), "the dialog closed");
        assertTrue(robot.lookup("#macroTitle").tryQuery().isEmpty(), "agents see no macro editor");
    }
}
