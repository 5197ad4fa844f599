package app.tandem.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.tandem.Slow;
import app.tandem.store.OfficeServer;
import app.tandem.ui.DeskSession;
import app.tandem.ui.UiSettings;
import app.tandem.ui.common.FxTaskExecutor;
import app.tandem.work.Progress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
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
 * A solo desk joins an office from its sign-in screen: a wrong key is said in the dialog and nothing is kept; the
 * right one keeps the seat and the desk starts again, as a seat.
 */
@ExtendWith(ApplicationExtension.class)
@Slow
class JoinOfficeWindowTest {

    @TempDir
    Path tmp;
    private OfficeServer server;
    private Tandem solo;
    private final AtomicInteger restarts = new AtomicInteger();

    @Start
    void start(Stage stage) {
        server = OfficeServer.start(tmp.resolve("server"), 0, false);
        solo = Tandem.start(tmp.resolve("desk"), Progress.NONE, false);
        new DeskSession(stage, DeskStarter.services(solo), new FxTaskExecutor(),
                new UiSettings(UiSettings.Theme.LIGHT, UiSettings.UiLanguage.ENGLISH), Clock.systemDefaultZone(), () -> { },
                restarts::incrementAndGet).showSignIn();
    }

    @AfterEach
    void stop() {
        solo.close();
        server.close();
    }

    @Test
    void aWrongKeyIsSaidAndTheRightOneMakesThisPcASeat(FxRobot robot) throws Exception {
        waitUntil(robot, "the join link", () -> robot.lookup("#joinOffice").tryQuery().isPresent());
        assertTrue(robot.lookup(".label").queryAllAs(Label.class).stream()
                .anyMatch(l -> String.valueOf(l.getText()).startsWith("This PC works on its own")), "a new folder says it works solo");
        robot.clickOn("#joinOffice");
        waitUntil(robot, "the join dialog", () -> robot.lookup("#joinServer").tryQuery().isPresent());
        String address = "127.0.0.1:" + server.port();
        robot.interact(() -> {
            robot.lookup("#joinServer").queryAs(TextField.class).setText(address);
            robot.lookup("#joinKey").queryAs(PasswordField.class).setText("NOT-THE-KEY");
        });
        robot.clickOn("#joinSubmit");
        waitUntil(robot, "the refusal", () -> robot.lookup("#joinMessage").queryAs(Label.class).getText().contains("refused this key"));
        assertFalse(Files.exists(tmp.resolve("desk").resolve(Seat.FILE)));
        assertEquals(0, restarts.get());

        robot.interact(() -> robot.lookup("#joinKey").queryAs(PasswordField.class).setText(server.newKey().orElseThrow()));
        robot.clickOn("#joinSubmit");
        waitUntil(robot, "the news that this PC is a seat", () -> robot.lookup(".label").queryAllAs(Label.class).stream()
                .anyMatch(l -> String.valueOf(l.getText()).startsWith("This PC is now a seat of the office server " + address)));
        robot.interact(() -> robot.lookup(".button").queryAllAs(Button.class).stream()
                .filter(b -> b.getText().equals("OK")).findFirst().orElseThrow().fire());
        waitUntil(robot, "the restart", () -> restarts.get() == 1);
        assertTrue(Seat.of(tmp.resolve("desk")).isPresent(), "the seat is kept in the data folder");
    }

    private static void waitUntil(FxRobot robot, String what, java.util.concurrent.Callable<Boolean> condition) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition).get());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("Timed out waiting for " + what, e);
        }
    }
}
