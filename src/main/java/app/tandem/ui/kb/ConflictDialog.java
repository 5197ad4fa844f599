package app.tandem.ui.kb;

import app.tandem.kb.ArticleFile;
import app.tandem.ui.common.Css;
import app.tandem.ui.common.Texts;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * Two supervisors saved the same article: their version and mine side by side, the diff from theirs
 * to mine, and the three ways out. Nothing is lost whichever is chosen (theirs stays in the history;
 * mine can be copied first).
 */
final class ConflictDialog {

    private ConflictDialog() {}

    static void show(ArticleEditorViewModel vm, ArticleEditorViewModel.Conflict conflict, Texts texts, Window owner) {
        Dialog<ButtonType> dialog = new Dialog<>();
        if (owner != null) {
            dialog.initOwner(owner);
        }
        dialog.setTitle(texts.get("kb.conflictTitle"));
        dialog.setHeaderText(texts.format("kb.conflictHeader", conflict.theirs().updatedBy(), conflict.theirs().version()));
        TextArea theirs = readOnly(ArticleFile.format(conflict.theirs()), "conflictTheirs");
        TextArea mine = readOnly(ArticleFile.format(conflict.mine()), "conflictMine");
        SplitPane sides = new SplitPane(new VBox(4, new Label(texts.get("kb.conflictTheirs")), theirs),
                new VBox(4, new Label(texts.get("kb.conflictMine")), mine));
        var diff = DiffCells.list(javafx.collections.FXCollections.observableArrayList(conflict.diff()), "conflictDiff");
        diff.setPrefHeight(200);
        VBox content = new VBox(8, sides, new Label(texts.get("kb.conflictDiff")), diff);
        VBox.setVgrow(sides, Priority.ALWAYS);
        content.setPrefSize(900, 600);
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().setId("conflictDialog");
        ButtonType keepMine = new ButtonType(texts.get("kb.keepMine"), ButtonBar.ButtonData.OK_DONE);
        ButtonType takeTheirs = new ButtonType(texts.get("kb.takeTheirs"), ButtonBar.ButtonData.OTHER);
        ButtonType copyMine = new ButtonType(texts.get("kb.copyMine"), ButtonBar.ButtonData.HELP);
        dialog.getDialogPane().getButtonTypes().addAll(keepMine, takeTheirs, copyMine, ButtonType.CANCEL);
        // Copying leaves the dialog open: the person decides after.
        dialog.getDialogPane().lookupButton(copyMine).addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            ClipboardContent clip = new ClipboardContent();
            clip.putString(vm.mineAsText());
            Clipboard.getSystemClipboard().setContent(clip);
            e.consume();
        });
        dialog.showAndWait().ifPresentOrElse(choice -> {
            if (choice == keepMine) {
                vm.keepMine();
            } else if (choice == takeTheirs) {
                vm.takeTheirs();
            } else {
                vm.dismissConflict();
            }
        }, vm::dismissConflict);
    }

    private static TextArea readOnly(String text, String id) {
        TextArea area = new TextArea(text);
        area.setEditable(false);
        area.setWrapText(true);
        area.setId(id);
        area.getStyleClass().add(Css.MD_CODE);
        VBox.setVgrow(area, Priority.ALWAYS);
        return area;
    }
}
