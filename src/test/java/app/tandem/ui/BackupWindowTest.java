package app.tandem.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.tandem.Slow;
import app.tandem.backup.BackupSchedule;
import app.tandem.ui.common.Texts;
import app.tandem.ui.desk.DeskWindowFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Backups from the desk, headless over the real backend: the Tools menu offers "Back up now…" to supervisors only,
 * the backup runs off the FX thread while the desk stays usable and ends on one line, and a failed scheduled backup
 * shows once in the status bar.
 */
@ExtendWith(ApplicationExtension.class)
@Slow
class BackupWindowTest {

    @TempDir
    Path folder;
    private DeskWindowFixture desk;

    @Start
    void start(Stage stage) {
        desk = DeskWindowFixture.withStaff(stage, folder.resolve("data"));
    }

    @AfterEach
    void stop(FxRobot robot) {
        desk.close(robot);
    }

    private static List<String> tools(FxRobot robot) {
        MenuBar bar = robot.lookup(".menu-bar").queryAs(MenuBar.class);
        return bar.getMenus().stream().filter(m -> m.getText().equals("Tools")).findFirst().orElseThrow()
                .getItems().stream().map(MenuItem::getText).toList();
    }

    @Test
    void agentsHaveNoBackupItem(FxRobot robot) throws Exception {
        desk.signIn(robot, "bob", DeskWindowFixture.PASSWORD);
        assertTrue(!tools(robot).contains("Back up now\u2026"), tools(robot).toString());
    }

    @Test
    void aSupervisorBacksUpFromTheToolsMenuWhileTheDeskWorks(FxRobot robot) throws Exception {
        desk.signIn(robot, "sue", DeskWindowFixture.PASSWORD);
        assertTrue(tools(robot).contains("Back up now\u2026"), tools(robot).toString());
        Path file = folder.resolve("usb").resolve("office.zip");
        Files.createDirectories(file.getParent());
        // What the menu item opens once the file chooser (a native dialog, not drivable headless) has answered.
        robot.interact(() -> BackupDialog.show(null, desk.backend.services.backups(), file, desk.backend.services.io(),
                Texts.of(Locale.ENGLISH)));
        DeskWindowFixture.waitUntil("the backup's result line", () -> robot.lookup("#backupResult").queryAs(Label.class)
                .getText().startsWith("Backup written and checked: " + file));
        assertTrue(Files.size(file) > 0);
        robot.interact(() -> robot.lookup("#backupCancel").queryButton().fire());
    }

    @Test
    void aFailedScheduledBackupIsShownOnceInTheStatusBar(FxRobot robot) throws Exception {
        desk.signIn(robot, "sue", DeskWindowFixture.PASSWORD);
        Path unplugged = folder.resolve("usb-drive");
        desk.backend.services.backups().changeSchedule(new BackupSchedule(Optional.of(unplugged), 24, 7));
        assertEquals(Optional.empty(), desk.backend.services.scheduledBackups().runIfDue());
        DeskWindowFixture.waitUntil("the status bar's line", () -> robot.lookup("#backupFailure").queryAs(Hyperlink.class).isVisible());
        robot.interact(() -> assertEquals("The scheduled backup failed",
                robot.lookup("#backupFailure").queryAs(Hyperlink.class).getText()));
    }
}
