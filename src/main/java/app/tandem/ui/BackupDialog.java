package app.tandem.ui;

import app.tandem.backup.BackupRefusedException;
import app.tandem.backup.OfficeBackups;
import app.tandem.ui.common.Css;
import app.tandem.ui.common.Texts;
import app.tandem.work.Progress;
import java.io.File;
import java.nio.file.Path;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Executor;
import javafx.concurrent.Task;
import javafx.event.ActionEvent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * Tools → Back up now…: the supervisor picks a file, the backup is written and checked off the FX thread with a
 * progress bar and a Cancel button, and the dialog ends on one line saying what happened.
 */
final class BackupDialog {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmm");

    private BackupDialog() {}

    static void backUpNow(Window owner, OfficeBackups backups, Executor where, Texts texts, Clock clock) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(texts.get("backup.choose"));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(texts.get("backup.zipFiles"), "*.zip"));
        chooser.setInitialFileName("tandem-backup-" + STAMP.format(clock.instant().atZone(clock.getZone())) + ".zip");
        backups.usualFolder().ifPresent(f -> chooser.setInitialDirectory(f.toFile()));
        File chosen = chooser.showSaveDialog(owner);
        if (chosen != null) {
            show(owner, backups, chosen.toPath(), where, texts);
        }
    }

    /** The progress dialog over a backup to {@code file}; the file chooser has already asked before replacing one. */
    static Dialog<ButtonType> show(Window owner, OfficeBackups backups, Path file, Executor where, Texts texts) {
        BackupTask task = new BackupTask(backups, file);
        Label result = new Label(texts.format("backup.running", file.toString()));
        result.setId("backupResult");
        result.setWrapText(true);
        result.setMaxWidth(480);
        ProgressBar bar = new ProgressBar();
        bar.setId("backupProgress");
        bar.setPrefWidth(480);
        bar.progressProperty().bind(task.progressProperty());
        Dialog<ButtonType> dialog = new Dialog<>();
        if (owner != null) {
            dialog.initOwner(owner);
        }
        dialog.setTitle(texts.get("backup.title"));
        dialog.setHeaderText(texts.get("backup.title"));
        VBox content = new VBox(10, bar, result);
        content.getStyleClass().add(Css.TEXT_SMALL);
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().getButtonTypes().add(ButtonType.CANCEL);
        Button button = (Button) dialog.getDialogPane().lookupButton(ButtonType.CANCEL);
        button.setId("backupCancel");
        // While the backup runs the button cancels it (the dialog stays to say so); afterwards it closes the dialog.
        button.addEventFilter(ActionEvent.ACTION, e -> {
            if (task.isRunning()) {
                e.consume();
                task.cancel(false);
            }
        });
        task.setOnSucceeded(e -> finished(bar, button, result, texts, texts.format("backup.done",
                task.getValue().file().toString(), String.format(texts.locale(), "%.1f", task.getValue().bytes() / 1e6),
                String.valueOf(task.getValue().manifest().rows()))));
        task.setOnFailed(e -> finished(bar, button, result, texts, texts.format("backup.failed", words(texts, task.getException()))));
        task.setOnCancelled(e -> finished(bar, button, result, texts, texts.get("backup.cancelled")));
        dialog.show();
        where.execute(task);
        return dialog;
    }

    /** The backup off the FX thread; its progress drives the bar, and Cancel stops it at the next step. */
    private static final class BackupTask extends Task<OfficeBackups.Taken> {

        private final OfficeBackups backups;
        private final Path file;

        BackupTask(OfficeBackups backups, Path file) {
            this.backups = backups;
            this.file = file;
        }

        @Override
        protected OfficeBackups.Taken call() {
            return backups.backUp(file, true, new Progress() {
                @Override
                public void update(long done, long total, String message) {
                    updateProgress(done, total);
                }

                @Override
                public boolean isCancelled() {
                    return BackupTask.this.isCancelled();
                }
            });
        }
    }

    private static void finished(ProgressBar bar, Button button, Label result, Texts texts, String line) {
        bar.progressProperty().unbind();
        bar.setProgress(1);
        result.setText(line);
        button.setText(texts.get("backup.close"));
    }

    /** A backup's refusal in the person's language; anything else as the desk words failures. */
    static String words(Texts texts, Throwable e) {
        if (e instanceof BackupRefusedException refused) {
            return texts.format("failure.backup." + refused.reason().name(), refused.args().toArray());
        }
        return texts.failure(e);
    }
}
