package app.tandem.ui.desk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.tandem.Slow;
import app.tandem.conversation.Attachment;
import app.tandem.conversation.Channel;
import app.tandem.conversation.Conversation;
import app.tandem.conversation.NewAttachment;
import app.tandem.conversation.ReadFrom;
import app.tandem.conversation.ReadText;
import app.tandem.ui.TestBackend;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.image.ImageView;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A customer's image turn on the real desk, headless: its thumbnail and how its text was read under the turn, and
 * the agent's correction through "Correct…", stored with their name.
 */
@ExtendWith(ApplicationExtension.class)
@Slow
class DeskImageTurnWindowTest {

    @TempDir
    Path folder;
    private DeskWindowFixture desk;
    private TestBackend backend;

    @Start
    void start(Stage stage) {
        desk = DeskWindowFixture.firstRun(stage, folder);
        backend = desk.backend;
    }

    @AfterEach
    void stop(FxRobot robot) {
        desk.close(robot);
    }

    @Test
    void theAgentSeesTheImageAndCorrectsItsReadText(FxRobot robot) throws Exception {
        desk.createAdminAndSignIn(robot);
        Conversation c = backend.services.conversations().open(Optional.empty(), Channel.WEB, "Web chat");
        backend.services.conversations().receiveWithAttachment(c.id(), "Why?", new NewAttachment(ReadFrom.IMAGE,
                "image/png", png(), png(), Optional.of(new ReadText("Card end1ng 4B21 dec1ined", 58))));

        DeskWindowFixture.waitUntil("the turn's thumbnail", () -> robot.lookup("#turnImage1").tryQuery()
                .map(n -> ((ImageView) n).getImage() != null && n.isVisible()).orElse(false));
        assertEquals("Read from the image \u00b7 confidence 58 %", robot.lookup("#readInfo1").queryAs(Label.class).getText());

        // Fired, not clicked: the dialog waits in a nested event loop, which a robot click would wait on too.
        Platform.runLater(robot.lookup("#correctRead1").queryAs(Button.class)::fire);
        DeskWindowFixture.waitUntil("the correction dialog", () -> robot.lookup("#readTextCorrection").tryQuery().isPresent());
        TextArea text = robot.lookup("#readTextCorrection").queryAs(TextArea.class);
        assertEquals("Card end1ng 4B21 dec1ined", text.getText());
        robot.interact(() -> text.setText("Card ending 4821 declined"));
        DialogPane pane = (DialogPane) text.getScene().getRoot();
        Platform.runLater(((Button) pane.lookupButton(ButtonType.OK))::fire);

        // Every label of that id: the conversation's list may hold a cell it no longer shows.
        DeskWindowFixture.waitUntil("the correction under the turn", () -> robot.lookup("#readCorrected1")
                .queryAllAs(Label.class).stream().anyMatch(l -> l.isVisible()
                        && "Corrected by admin: Card ending 4821 declined".equals(l.getText())));
        Attachment stored = backend.services.conversations().attachments(c.id()).get(0);
        assertEquals("admin", stored.correction().orElseThrow().by());
        assertTrue(stored.meaning().orElseThrow().contains("4821"));
    }

    private static byte[] png() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(120, 40, BufferedImage.TYPE_INT_RGB), "png", out);
        return out.toByteArray();
    }
}
