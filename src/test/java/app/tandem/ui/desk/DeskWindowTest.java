package app.tandem.ui.desk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.tandem.Slow;
import app.tandem.channel.Transcript;
import app.tandem.channel.TranscriptFormat;
import app.tandem.channel.TranscriptReplay;
import app.tandem.conversation.Author;
import app.tandem.conversation.Channel;
import app.tandem.conversation.Conversation;
import app.tandem.conversation.Message;
import app.tandem.conversation.MessageOrigin;
import app.tandem.ui.DeskSession;
import app.tandem.ui.TestBackend;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
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
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 2's done-criterion, end to end and headless: the real backend over a temp data folder, the
 * first-run sign-in, a replayed customer message, a suggestion inserted with Ctrl+1 and sent with
 * Ctrl+Enter, and the agent's message in H2 with origin SUGGESTION_ACCEPTED.
 */
@ExtendWith(ApplicationExtension.class)
@Slow
class DeskWindowTest {

    @TempDir
    Path folder;
    private DeskWindowFixture desk;
    private TestBackend backend;
    private DeskSession session;

    @Start
    void start(Stage stage) {
        desk = DeskWindowFixture.firstRun(stage, folder);
        backend = desk.backend;
        session = desk.session;
    }

    @AfterEach
    void stop(FxRobot robot) {
        desk.close(robot);
    }

    private static void waitUntil(FxRobot robot, String what, java.util.concurrent.Callable<Boolean> condition) throws Exception {
        DeskWindowFixture.waitUntil(what, condition);
    }

    private void createAdminAndSignIn(FxRobot robot) throws Exception {
        desk.createAdminAndSignIn(robot);
    }

    private static int childCount(FxRobot robot, String query) {
        return (int) robot.lookup(query).queryAs(Pane.class).getChildren().stream().filter(javafx.scene.Node::isVisible).count();
    }

    @Test
    void theDeskRehearsesItsDrawingOutOfSightAndShowsNoneOfIt(FxRobot robot) throws Exception {
        createAdminAndSignIn(robot);
        // In place, before the first frame: the desk's own conversation list made its cells on sample turns,
        // and then went back to showing that no conversation is open.
        ListView<?> conversation = robot.lookup("#conversation").queryAs(ListView.class);
        assertTrue(session.mainWindow().rehearsedInPlace().toNanos() > 0);
        assertTrue(conversation.getItems().isEmpty(), conversation.getItems().toString());
        assertFalse(robot.from(conversation).lookup((ListCell<?> c) -> c.getClass().getSimpleName().equals("TurnCell")).queryAll().isEmpty(),
                "the list's cells were made before any conversation opened");
        assertNothingRehearsedIsShown(robot);

        waitUntil(robot, "the desk's rehearsal ends",
                () -> WaitForAsyncUtils.asyncFx(() -> session.mainWindow().deskRehearsed().get()).get());
        // Its sample turns, queue entries and customers never reached the desk the agent sees.
        assertNothingRehearsedIsShown(robot);
        ListView<?> queue = robot.lookup("#queue").queryAs(ListView.class);
        assertTrue(queue.getItems().stream().allMatch(item -> ((QueueViewModel.QueueItem) item).id() > 0), queue.getItems().toString());
        assertTrue(robot.lookup((Label l) -> "Sample Customer".equals(l.getText()) || "王芳".equals(l.getText())).queryAll().isEmpty());
    }

    private void assertNothingRehearsedIsShown(FxRobot robot) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            List<String> samples = List.of("My new card still hasn't arrived", "昨天在超市", "Sample Customer", "王芳", "rehearsal");
            List<String> shown = robot.lookup((Label l) -> onScreen(l) && samples.stream().anyMatch(t -> l.getText() != null && l.getText().contains(t)))
                    .queryAllAs(Label.class).stream().map(Label::getText).toList();
            assertTrue(shown.isEmpty(), shown.toString());
            assertEquals(0, childCount(robot, "#suggestions"));
            assertEquals(0, childCount(robot, "#articles"));
            assertFalse(robot.lookup("#escalationBanner").query().isVisible());
            assertTrue(robot.lookup((Label l) -> onScreen(l) && "No customer is linked to this conversation.".equals(l.getText()))
                    .tryQuery().isPresent(), "the profile panel shows that no customer is open");
        }).get();
    }

    /** Visible, and so are all its parents. */
    private static boolean onScreen(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return node.getScene() != null;
    }

    @Test
    void replayedCustomerGetsSuggestionInsertedWithCtrl1AndSentWithCtrlEnter(FxRobot robot) throws Exception {
        createAdminAndSignIn(robot);
        Transcript transcript = TranscriptFormat.parse("card.txt", """
                # title: Card has not arrived
                # customer: C1001
                customer (+0.3s): My card hasn't arrived yet, it's been two weeks
                """);
        TranscriptReplay.Playback playback = backend.services.replay().play(transcript, 1.0, true);
        long id = playback.conversation().id();

        waitUntil(robot, "a suggested reply and an article",
                () -> childCount(robot, "#suggestions") > 0 && childCount(robot, "#articles") > 0);
        ListView<?> conversation = robot.lookup("#conversation").queryAs(ListView.class);
        assertTrue(conversation.getItems().size() >= 1);
        waitUntil(robot, "the customer's turn drawn", () -> robot.from(conversation).lookup(".bubble .label")
                .queryAllAs(Label.class).stream().anyMatch(l -> l.getText().equals("My card hasn't arrived yet, it's been two weeks")));
        String suggestion = session.mainWindow().deskViewModel().suggestions().suggestions().get(0).text();

        robot.push(KeyCode.CONTROL, KeyCode.DIGIT1);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(suggestion, robot.lookup("#compose").queryAs(TextArea.class).getText());

        robot.push(KeyCode.CONTROL, KeyCode.ENTER);
        waitUntil(robot, "the reply stored", () -> {
            List<Message> stored = backend.services.conversations().messages(id);
            return stored.get(stored.size() - 1).author() == Author.AGENT;
        });
        List<Message> stored = backend.services.conversations().messages(id);
        Message last = stored.get(stored.size() - 1);
        assertEquals(MessageOrigin.SUGGESTION_ACCEPTED, last.origin());
        assertEquals(suggestion, last.text());
        waitUntil(robot, "the compose box emptied", () -> robot.lookup("#compose").queryAs(TextArea.class).getText().isEmpty());
    }

    @Test
    void tooLongReplyShowsInlineErrorAndKeepsTheText(FxRobot robot) throws Exception {
        createAdminAndSignIn(robot);
        Conversation c = backend.services.conversations().open(Optional.of("C1002"), Channel.PHONE, "Long reply");
        waitUntil(robot, "the conversation selected", () -> !robot.lookup("#compose").queryAs(TextArea.class).isDisabled());
        String text = "Lorem ipsum dolor sit amet. ".repeat(400); // 11,200 characters
        robot.interact(() -> robot.lookup("#compose").queryAs(TextArea.class).setText(text));

        robot.clickOn("#send");

        waitUntil(robot, "the inline error", () -> robot.lookup("#composeError").queryAs(Label.class).isVisible());
        String error = robot.lookup("#composeError").queryAs(Label.class).getText();
        assertTrue(error.contains("10,000"), error);
        assertEquals(text, robot.lookup("#compose").queryAs(TextArea.class).getText());
        assertTrue(backend.services.conversations().messages(c.id()).isEmpty());
        Node send = robot.lookup("#send").query();
        assertFalse(send.isDisabled(), "the agent can shorten the text and send again");
    }

    @Test
    void aLongConversationKeepsItsNewestTurnInViewAndDrawsOnlyTheTurnsInView(FxRobot robot) throws Exception {
        createAdminAndSignIn(robot);
        Conversation c = backend.services.conversations().open(Optional.of("C1002"), Channel.PHONE, "Long conversation");
        waitUntil(robot, "the conversation selected", () -> !robot.lookup("#compose").queryAs(TextArea.class).isDisabled());
        for (int i = 1; i <= 40; i++) {
            backend.services.conversations().receiveFromCustomer(c.id(), "Question number " + i + " about my card");
            if (i % 4 == 0) {
                backend.services.conversations().sendFromAgent(c.id(), "Answer number " + i, MessageOrigin.TYPED, java.util.OptionalLong.empty(), "Ann");
            }
        }
        ListView<?> conversation = robot.lookup("#conversation").queryAs(ListView.class);
        waitUntil(robot, "all 50 turns listed", () -> conversation.getItems().size() == 50);
        waitUntil(robot, "the newest turn in view", () -> shownTurns(robot, conversation).stream()
                .anyMatch(l -> l.getText().equals("Question number 40 about my card")
                        && conversation.localToScreen(conversation.getBoundsInLocal()).contains(l.localToScreen(l.getBoundsInLocal()))));
        long drawn = shownTurns(robot, conversation).stream().filter(l -> l.getText().startsWith("Question number")).count();
        assertTrue(drawn < 40, "only the turns in view have nodes, got " + drawn);

        // Cells keep their bubble and show whichever turn they are given: scrolled back to the start, every
        // bubble in view shows its own turn, as the customer's or the agent's, with chips only under the customer's.
        waitUntil(robot, "every customer turn understood",
                () -> session.mainWindow().deskViewModel().understanding().annotations().size() == 40);
        // Scrolled up as the agent would, again if a late annotation brought the newest turn back into view.
        waitUntil(robot, "the first turn in view", () -> {
            boolean inView = shownTurns(robot, conversation).stream().anyMatch(l -> l.getText().equals("Question number 1 about my card"));
            if (!inView) {
                robot.interact(() -> conversation.scrollTo(0));
            }
            return inView;
        });
        List<ListCell<?>> cells = new java.util.ArrayList<>();
        for (ListCell<?> cell : robot.from(conversation).lookup(".list-cell").queryAllAs(ListCell.class)) {
            if (!cell.isEmpty() && shown(cell, conversation)) {
                cells.add(cell);
            }
        }
        assertTrue(cells.size() >= 3, "turns in view: " + cells.size());
        for (ListCell<?> cell : cells) {
            Message m = ((ConversationPane.Turn) cell.getItem()).message();
            Node bubble = cell.getGraphic().lookup(".bubble");
            assertTrue(robot.from(bubble).lookup(".label").queryAllAs(Label.class).stream()
                    .anyMatch(l -> l.getText().equals(m.text())), "cell " + cell.getIndex() + " shows " + m.text());
            assertEquals(m.fromCustomer(), bubble.getPseudoClassStates().contains(PseudoClass.getPseudoClass("customer")), m.text());
            Node chips = bubble.lookup("#chips" + m.seq());
            assertEquals(((ConversationPane.Turn) cell.getItem()).annotation() != null, chips != null && chips.isVisible(), "chips of " + m.text());
        }
    }

    @Test
    void theCustomerPanelShowsTheOpenConversationsCustomerAndIsKeptForTheSameCustomer(FxRobot robot) throws Exception {
        createAdminAndSignIn(robot);
        DeskViewModel vm = session.mainWindow().deskViewModel();
        Conversation first = backend.services.conversations().open(Optional.of("C1001"), Channel.CHAT, "First");
        Conversation second = backend.services.conversations().open(Optional.of("C1001"), Channel.PHONE, "Second");
        Conversation other = backend.services.conversations().open(Optional.of("C1002"), Channel.CHAT, "Other");
        // Chosen once all three are queued: before that the desk may still pick the queue's first one for the agent.
        waitUntil(robot, "the three conversations queued", () -> vm.queue().items().size() == 3);
        robot.interact(() -> vm.select(first.id()));
        try {
            waitUntil(robot, "Emma's profile", () -> "Emma Clarke".equals(customerName(robot)));
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; open: " + vm.conversation().selectedProperty().get() + ", panel: "
                    + vm.customerPanel().customerProperty().get() + ", shown: " + customerName(robot), e);
        }
        Label shown = robot.lookup("#customerPanel #customerName").queryAs(Label.class);

        robot.interact(() -> vm.select(second.id()));
        waitUntil(robot, "the second conversation's profile loaded", () -> !vm.customerPanel().loadingProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(shown == robot.lookup("#customerPanel #customerName").queryAs(Label.class),
                "the same customer's panel is kept, not built again");

        robot.interact(() -> vm.select(other.id()));
        waitUntil(robot, "James's profile", () -> "James Patel".equals(customerName(robot)));
        assertEquals(1, robot.lookup("#customerPanel #customerName").queryAll().size(), "one profile, built once");
    }

    private static String customerName(FxRobot robot) {
        return robot.lookup("#customerPanel #customerName").tryQueryAs(Label.class).map(Label::getText).orElse("");
    }

    private static List<Label> shownTurns(FxRobot robot, ListView<?> conversation) {
        return robot.from(conversation).lookup(".bubble .label").queryAllAs(Label.class).stream()
                .filter(l -> shown(l, conversation)).toList();
    }

    /** Visible up to the list: cells the list keeps aside for reuse are invisible. */
    private static boolean shown(Node node, Node list) {
        for (Node n = node; n != null && n != list; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }
}
