package app.tandem.ui.common;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.TextArea;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last line of defence: anything no one caught is logged and shown in an alert whose details
 * (the stack trace) are folded away. One alert at a time, so a failing loop cannot flood the screen.
 */
public final class ErrorAlerts {

    private static final Logger log = LoggerFactory.getLogger(ErrorAlerts.class);
    private static final AtomicBoolean showing = new AtomicBoolean();

    private ErrorAlerts() {}

    public static void install(Texts texts) {
        Thread.setDefaultUncaughtExceptionHandler((thread, error) -> uncaught(thread, error, texts));
    }

    static void uncaught(Thread thread, Throwable error, Texts texts) {
        log.error("Uncaught exception on {}", thread.getName(), error);
        if (!showing.compareAndSet(false, true)) {
            return;
        }
        Runnable show = () -> {
            try {
                Alert alert = new Alert(Alert.AlertType.ERROR, "", ButtonType.OK);
                alert.setTitle(texts.get("error.title"));
                alert.setHeaderText(texts.get("error.unexpected"));
                alert.setContentText(error.getMessage() == null ? error.getClass().getSimpleName() : texts.failure(error));
                TextArea details = new TextArea(describe(error));
                details.setEditable(false);
                details.setPrefRowCount(14);
                alert.getDialogPane().setExpandableContent(details);
                alert.showAndWait();
            } finally {
                showing.set(false);
            }
        };
        if (Platform.isFxApplicationThread()) {
            show.run();
        } else {
            try {
                Platform.runLater(show);
            } catch (IllegalStateException e) {
                showing.set(false); // the toolkit is gone: the log has it
            }
        }
    }

    /** The exception and its causes as text, without printing anywhere. */
    static String describe(Throwable error) {
        StringBuilder out = new StringBuilder();
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable t = error; t != null && seen.put(t, Boolean.TRUE) == null; t = t.getCause()) {
            out.append(t == error ? "" : "Caused by: ").append(t).append('\n');
            for (StackTraceElement e : t.getStackTrace()) {
                out.append("    at ").append(e).append('\n');
            }
        }
        return out.toString();
    }
}
