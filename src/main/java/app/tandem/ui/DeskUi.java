package app.tandem.ui;

import app.tandem.ui.common.Css;
import app.tandem.ui.common.ErrorAlerts;
import app.tandem.ui.common.FxTaskExecutor;
import app.tandem.ui.common.Texts;
import app.tandem.work.Progress;
import app.tandem.work.StartFailedException;
import app.tandem.work.StartFailure;
import app.tandem.work.StartStep;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Entry point of the desk window. */
public final class DeskUi {

    private static final Logger log = LoggerFactory.getLogger(DeskUi.class);

    private final Function<Progress, DeskServices> backend;
    private final Runnable shutdown;
    private final CountDownLatch exited;
    private final AtomicBoolean exiting = new AtomicBoolean();
    private final Texts startTexts = Texts.of(UiSettings.defaults(Locale.getDefault()).language().locale());
    private final FxTaskExecutor tasks = new FxTaskExecutor();
    private Stage stage;

    private DeskUi(Function<Progress, DeskServices> backend, Runnable shutdown, CountDownLatch exited) {
        this.backend = backend;
        this.shutdown = shutdown;
        this.exited = exited;
    }

    /**
     * Starts JavaFX, shows start-up progress while {@code backend} opens the data folder off the FX
     * thread, then the sign-in. {@code shutdown} runs once when the window closes. Blocks until the
     * UI has exited, so callers may exit the JVM when it returns.
     */
    public static void launch(Function<Progress, DeskServices> backend, Runnable shutdown) {
        CountDownLatch exited = new CountDownLatch(1);
        DeskUi ui = new DeskUi(backend, shutdown, exited);
        ErrorAlerts.install(ui.startTexts);
        Platform.startup(ui::start);
        try {
            exited.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private record Started(DeskServices services, UiSettings settings) {}

    private void start() {
        Platform.setImplicitExit(false);
        Application.setUserAgentStylesheet(DeskSession.themeStylesheet(UiSettings.Theme.LIGHT));
        stage = new Stage();
        stage.setTitle(startTexts.get("app.title"));
        Label title = new Label("Tandem");
        title.getStyleClass().add(Css.TITLE_3);
        ProgressBar bar = new ProgressBar();
        bar.setPrefWidth(360);
        Label message = new Label(startTexts.get("startup.opening"));
        message.getStyleClass().add(Css.TEXT_MUTED);
        VBox box = new VBox(14, title, bar, message);
        box.setAlignment(Pos.CENTER_LEFT);
        box.setPadding(new Insets(28));
        box.getStyleClass().add(Css.STARTUP);
        stage.setScene(new Scene(box, 440, 170));
        stage.setOnCloseRequest(e -> e.consume()); // the backend is opening files; let it finish
        stage.show();

        Task<Started> opening = new Task<>() {
            @Override
            protected Started call() {
                Task<Started> self = this;
                Progress progress = new Progress() {
                    @Override
                    public void update(long done, long total, String text) {
                        updateProgress(done, total);
                        updateMessage(text);
                    }

                    @Override
                    public void step(long done, long total, StartStep step) {
                        update(done, total, startTexts.get("startup.step." + step.name()));
                    }

                    @Override
                    public boolean isCancelled() {
                        return self.isCancelled();
                    }
                };
                DeskServices services = backend.apply(progress);
                return new Started(services, UiSettings.load(services.settingsFile(), Locale.getDefault()));
            }
        };
        bar.progressProperty().bind(opening.progressProperty());
        message.textProperty().bind(opening.messageProperty());
        opening.setOnSucceeded(e -> {
            Started started = opening.getValue();
            // JavaFX's own words (OK / Cancel, a text field's Cut / Copy / Paste) come from its bundles in the
            // default locale: make it the chosen language. Its OK and Cancel are fixed once made, so after a
            // change of language in the session they follow at the next start.
            Locale.setDefault(started.settings().language().locale());
            Texts texts = Texts.of(started.settings().language().locale());
            ErrorAlerts.install(texts);
            stage.setOnCloseRequest(null);
            new DeskSession(stage, started.services(), tasks, started.settings(), Clock.systemDefaultZone(), this::exit,
                    this::restart).showSignIn();
        });
        opening.setOnFailed(e -> {
            Throwable error = opening.getException();
            log.error("Tandem could not start", error);
            Alert alert = new Alert(Alert.AlertType.ERROR, startFailure(startTexts, error), ButtonType.OK);
            alert.initOwner(stage);
            alert.setTitle(startTexts.get("startup.failedTitle"));
            alert.setHeaderText(startTexts.get("startup.failed"));
            alert.showAndWait();
            exit();
        });
        Thread thread = new Thread(opening, "tandem-start");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * What the start window says when opening the data folder failed: what failed, where, what to do, and
     * (where the person cannot fix it alone) the log file. A failure the backend did not diagnose is said as
     * any other failure is.
     */
    static String startFailure(Texts texts, Throwable error) {
        if (!(error instanceof StartFailedException failed)) {
            return texts.failure(error);
        }
        StartFailure f = failed.failure();
        String detail = f.detail().endsWith(".") ? f.detail().substring(0, f.detail().length() - 1) : f.detail();
        String log = f.log().map(file -> texts.format("startup.logAt", file.toString())).orElseGet(() -> texts.get("startup.noLogFile"));
        return texts.format("startup.failure." + f.reason().name(), f.where().toString(), detail, log,
                texts.get("startup.during." + f.step().name()));
    }

    /**
     * Closes this desk (its window, then its files off the FX thread) and starts it again from the start window:
     * after joining an office the data folder is a seat, and the new start opens the office's database.
     */
    private void restart() {
        if (exiting.get()) {
            return;
        }
        Stage closingStage = stage;
        closingStage.hide();
        Thread closing = new Thread(() -> {
            try {
                shutdown.run();
            } catch (RuntimeException e) {
                log.error("Closing the desk before its restart failed", e);
            }
            Platform.runLater(() -> {
                closingStage.close();
                start();
            });
        }, "tandem-restart");
        closing.start();
    }

    /** Closes the window, lets the backend close its files off the FX thread, then stops JavaFX. */
    private void exit() {
        if (!exiting.compareAndSet(false, true)) {
            return;
        }
        stage.hide();
        Thread closing = new Thread(() -> {
            try {
                shutdown.run();
            } catch (RuntimeException e) {
                log.error("Shutting down failed", e);
            } finally {
                Platform.exit();
                exited.countDown();
            }
        }, "tandem-shutdown");
        closing.start();
    }
}
