package app.tandem.ui.desk;

import app.tandem.security.Role;
import app.tandem.ui.DeskSession;
import app.tandem.ui.TestBackend;
import app.tandem.ui.UiSettings;
import app.tandem.ui.common.FxTaskExecutor;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * What the TestFX window tests share: the real backend over a temp folder, the desk session on the
 * test's stage, signing in, waiting for the UI, and closing it all.
 */
public final class DeskWindowFixture {

    static final long WAIT_SECONDS = 30;
    public static final String ADMIN_PASSWORD = "correct horse";
    public static final String PASSWORD = "battery staple";

    public final TestBackend backend;
    public final DeskSession session;

    private DeskWindowFixture(TestBackend backend, DeskSession session) {
        this.backend = backend;
        this.session = session;
    }

    /** A fresh data folder on its first run: the sign-in asks for the administrator. */
    static DeskWindowFixture firstRun(Stage stage, Path folder) {
        return open(stage, TestBackend.start(folder));
    }

    /** A data folder with admin "admin", supervisor "sue" and agent "bob" (password {@link #PASSWORD}). */
    public static DeskWindowFixture withStaff(Stage stage, Path folder) {
        return withStaff(stage, folder, UiSettings.UiLanguage.ENGLISH);
    }

    /** The same, with the UI in {@code language}. */
    public static DeskWindowFixture withStaff(Stage stage, Path folder, UiSettings.UiLanguage language) {
        TestBackend backend = TestBackend.start(folder);
        backend.services.accounts().createFirstAdmin("admin", "Ada Admin", ADMIN_PASSWORD.toCharArray());
        backend.services.accounts().createUser("admin", "sue", "Sue Supervisor", Role.SUPERVISOR, PASSWORD.toCharArray());
        backend.services.accounts().createUser("admin", "bob", "Bob Agent", Role.AGENT, PASSWORD.toCharArray());
        return open(stage, backend, language);
    }

    private static DeskWindowFixture open(Stage stage, TestBackend backend) {
        return open(stage, backend, UiSettings.UiLanguage.ENGLISH);
    }

    private static DeskWindowFixture open(Stage stage, TestBackend backend, UiSettings.UiLanguage language) {
        DeskSession session = new DeskSession(stage, backend.services, new FxTaskExecutor(),
                new UiSettings(UiSettings.Theme.LIGHT, language), Clock.systemDefaultZone(), () -> { });
        session.showSignIn();
        return new DeskWindowFixture(backend, session);
    }

    public static void waitUntil(String what, Callable<Boolean> condition) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition).get());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("Timed out waiting for " + what, e);
        }
    }

    /** First run: creates the administrator from the sign-in form and waits for the desk. */
    void createAdminAndSignIn(FxRobot robot) throws Exception {
        waitUntil("the first-run form", () -> robot.lookup("#confirmPassword").tryQuery().isPresent());
        robot.interact(() -> {
            robot.lookup("#username").queryAs(TextField.class).setText("admin");
            robot.lookup("#displayName").queryAs(TextField.class).setText("Ada Admin");
            robot.lookup("#password").queryAs(PasswordField.class).setText(ADMIN_PASSWORD);
            robot.lookup("#confirmPassword").queryAs(PasswordField.class).setText(ADMIN_PASSWORD);
        });
        robot.clickOn("#signIn");
        waitUntil("the desk", () -> robot.lookup("#queue").tryQuery().isPresent());
    }

    /** Signs {@code user} in and waits for the window's tabs. */
    public void signIn(FxRobot robot, String user, String password) throws Exception {
        waitUntil("the sign-in form", () -> robot.lookup("#signIn").tryQuery().isPresent()
                && robot.lookup("#confirmPassword").tryQuery().isEmpty());
        robot.interact(() -> {
            robot.lookup("#username").queryAs(TextField.class).setText(user);
            robot.lookup("#password").queryAs(PasswordField.class).setText(password);
        });
        robot.clickOn("#signIn");
        waitUntil("the desk", () -> robot.lookup("#tabs").tryQuery().isPresent() && robot.lookup("#queue").tryQuery().isPresent());
    }

    /** Brings the tab with {@code id} to the front; false when this person has no such tab. */
    public static boolean selectTab(FxRobot robot, String id) {
        TabPane tabs = robot.lookup("#tabs").queryAs(TabPane.class);
        boolean[] found = new boolean[1];
        robot.interact(() -> tabs.getTabs().stream().filter(t -> id.equals(t.getId())).findFirst().ifPresent(t -> {
            tabs.getSelectionModel().select(t);
            found[0] = true;
        }));
        return found[0];
    }

    public void close(FxRobot robot) {
        robot.interact(() -> {
            if (session.mainWindow() != null) {
                session.mainWindow().dispose();
            }
        });
        backend.close();
    }
}
