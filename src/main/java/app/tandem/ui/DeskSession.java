package app.tandem.ui;

import app.tandem.security.User;
import app.tandem.ui.common.Css;
import app.tandem.ui.common.FxTaskExecutor;
import app.tandem.ui.common.Texts;
import app.tandem.ui.signin.JoinOfficeViewModel;
import app.tandem.ui.signin.SignInView;
import app.tandem.ui.signin.SignInViewModel;
import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import atlantafx.base.theme.Theme;
import java.time.Clock;
import javafx.application.Application;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One person's time at the desk in one window: sign-in, the main window, signing out, and theme or
 * language changes (the window is rebuilt in place, so a language change applies at once).
 */
public final class DeskSession implements MainWindow.Session {

    private static final Logger log = LoggerFactory.getLogger(DeskSession.class);

    private final Stage stage;
    private final DeskServices services;
    private final FxTaskExecutor tasks;
    private final Clock clock;
    private final Runnable onQuit;
    private final Runnable onRestart;
    private UiSettings settings;
    private Texts texts;
    private MainWindow main;
    private User user;

    public DeskSession(Stage stage, DeskServices services, FxTaskExecutor tasks, UiSettings settings, Clock clock, Runnable onQuit) {
        this(stage, services, tasks, settings, clock, onQuit, onQuit);
    }

    /** {@code onRestart}: closes this desk and starts it again (after joining an office: as its seat). */
    public DeskSession(Stage stage, DeskServices services, FxTaskExecutor tasks, UiSettings settings, Clock clock, Runnable onQuit,
                       Runnable onRestart) {
        this.stage = stage;
        this.services = services;
        this.tasks = tasks;
        this.settings = settings;
        this.clock = clock;
        this.onQuit = onQuit;
        this.onRestart = onRestart;
        this.texts = Texts.of(settings.language().locale());
        applyTheme();
        stage.setOnCloseRequest(e -> {
            e.consume();
            quit();
        });
    }

    static String themeStylesheet(UiSettings.Theme theme) {
        Theme atlantaTheme = theme == UiSettings.Theme.DARK ? new PrimerDark() : new PrimerLight();
        return atlantaTheme.getUserAgentStylesheet();
    }

    private void applyTheme() {
        Application.setUserAgentStylesheet(themeStylesheet(settings.theme()));
    }

    /** Shows the sign-in (or first-run) form. */
    public void showSignIn() {
        disposeMain();
        leaveTheOffice();
        user = null;
        // needsFirstAdmin is one indexed count; cheap enough to ask before the form is built.
        tasks.execute(texts.get("signIn.working"), services.io(), () -> services.accounts().needsFirstAdmin(), firstRun -> {
            SignInViewModel vm = new SignInViewModel(services.accounts(), tasks, services.io(), texts, clock.getZone(),
                    firstRun, this::showMain);
            JoinOfficeViewModel joining = new JoinOfficeViewModel(services.joining(), tasks, services.io(), texts);
            joining.joinedProperty().addListener((obs, old, where) -> joined(where));
            SignInView view = new SignInView(vm, texts, joining);
            Scene scene = new Scene((javafx.scene.Parent) view.node(), 960, 680);
            scene.getStylesheets().add(DeskSession.class.getResource(Css.STYLESHEET).toExternalForm());
            stage.setTitle(texts.get("app.title"));
            stage.setScene(scene);
            stage.sizeToScene();
            stage.centerOnScreen();
            stage.show();
            view.focus();
        }, e -> {
            log.error("Cannot read the user list", e);
            quit();
        });
    }

    /** The office accepted this PC: the person is told, and the desk starts again as the office's seat. */
    private void joined(String where) {
        Alert told = new Alert(Alert.AlertType.INFORMATION, texts.format("join.done", where), ButtonType.OK);
        told.initOwner(stage);
        told.setTitle(texts.get("join.title"));
        told.setHeaderText(null);
        told.showAndWait();
        onRestart.run();
    }

    public void showMain(User signedIn) {
        if (user == null || !user.username().equals(signedIn.username())) {
            // Said off the FX thread: on a seat of an office it is a write to the server.
            tasks.execute(texts.get("activity.presence"), services.io(), () -> {
                services.presence().signedIn(signedIn.username());
                return null;
            }, ok -> { }, e -> log.warn("Presence not said: {}", e.getMessage()));
        }
        user = signedIn;
        disposeMain();
        main = new MainWindow(services, signedIn, tasks, texts, clock, this);
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        double width = Math.min(1400, screen.getWidth());
        double height = Math.min(880, screen.getHeight());
        stage.setTitle(texts.format("app.titleSignedIn", signedIn.displayName()));
        stage.setScene(main.scene(width, height, themeStylesheet(settings.theme())));
        stage.setWidth(width);
        stage.setHeight(height);
        stage.centerOnScreen();
        stage.show();
        main.shown();
    }

    /** The main window showing now, if someone is signed in. */
    public MainWindow mainWindow() {
        return main;
    }

    private void disposeMain() {
        if (main != null) {
            main.dispose();
            main = null;
        }
    }

    @Override
    public void signOut() {
        showSignIn();
    }

    @Override
    public void quit() {
        disposeMain();
        leaveTheOffice();
        onQuit.run();
    }

    /** The person is no longer at this seat: colleagues stop offering them transfers at once, not after a missed beat. */
    private void leaveTheOffice() {
        if (user != null) {
            tasks.execute(texts.get("activity.presence"), services.io(), () -> {
                services.presence().signedOut();
                return null;
            }, ok -> { }, e -> log.warn("Presence not withdrawn: {}", e.getMessage()));
        }
    }

    @Override
    public UiSettings settings() {
        return settings;
    }

    @Override
    public void changeSettings(UiSettings changed) {
        boolean languageChanged = changed.language() != settings.language();
        settings = changed;
        UiSettings toSave = changed;
        tasks.execute(texts.get("activity.settings"), services.io(), () -> {
            toSave.save(services.settingsFile());
            return null;
        }, ok -> { }, e -> log.warn("Settings not saved: {}", e.getMessage()));
        applyTheme();
        if (languageChanged) {
            texts = Texts.of(changed.language().locale());
        }
        if (user != null) {
            showMain(user); // rebuilds every node in the new theme and language
        }
    }
}
