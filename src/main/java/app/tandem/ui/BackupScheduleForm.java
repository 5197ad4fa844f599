package app.tandem.ui;

import app.tandem.backup.BackupSchedule;
import app.tandem.ui.common.Css;
import app.tandem.ui.common.Texts;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.stage.DirectoryChooser;

/**
 * The settings dialog's section on scheduled backups (supervisors): the folder (a USB drive, a share; empty: off),
 * every how many hours, how many to keep.
 */
final class BackupScheduleForm {

    private final TextField folder = new TextField();
    private final Spinner<Integer> everyHours;
    private final Spinner<Integer> keep;

    BackupScheduleForm(BackupSchedule current) {
        folder.setId("backupFolder");
        folder.setPrefColumnCount(24);
        folder.setText(current.folder().map(Path::toString).orElse(""));
        everyHours = new Spinner<>(1, BackupSchedule.MAX_HOURS, current.everyHours());
        everyHours.setId("backupEveryHours");
        everyHours.setEditable(true);
        keep = new Spinner<>(1, BackupSchedule.MAX_KEEP, current.keep());
        keep.setId("backupKeep");
        keep.setEditable(true);
    }

    /** Adds the section's rows to {@code grid} from {@code row} on. */
    void addTo(GridPane grid, int row, Texts texts) {
        Label title = new Label(texts.get("settings.backup"));
        title.getStyleClass().add(Css.TEXT_BOLD);
        Button choose = new Button(texts.get("settings.backup.choose"));
        choose.setId("backupChooseFolder");
        choose.setOnAction(e -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle(texts.get("settings.backup.folder"));
            Path typed = Path.of(folder.getText().isBlank() ? System.getProperty("user.home") : folder.getText().strip());
            if (Files.isDirectory(typed)) {
                chooser.setInitialDirectory(typed.toFile());
            }
            File picked = chooser.showDialog(choose.getScene().getWindow());
            if (picked != null) {
                folder.setText(picked.getAbsolutePath());
            }
        });
        Label hint = new Label(texts.get("settings.backup.hint"));
        hint.setWrapText(true);
        hint.setMaxWidth(420);
        hint.getStyleClass().addAll(Css.TEXT_MUTED, Css.TEXT_SMALL);
        grid.add(title, 0, row, 2, 1);
        grid.addRow(row + 1, new Label(texts.get("settings.backup.folder")), new HBox(6, folder, choose));
        grid.addRow(row + 2, new Label(texts.get("settings.backup.everyHours")), everyHours);
        grid.addRow(row + 3, new Label(texts.get("settings.backup.keep")), keep);
        grid.add(hint, 0, row + 4, 2, 1);
    }

    BackupSchedule schedule() {
        String typed = folder.getText() == null ? "" : folder.getText().strip();
        return new BackupSchedule(typed.isEmpty() ? Optional.empty() : Optional.of(Path.of(typed)), everyHours.getValue(),
                keep.getValue());
    }
}
