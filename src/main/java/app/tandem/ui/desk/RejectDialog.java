package app.tandem.ui.desk;

import app.tandem.assist.RejectReason;
import app.tandem.assist.Suggestion;
import app.tandem.ui.common.Css;
import app.tandem.ui.common.Texts;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * "Not useful": the agent rejects one suggestion, optionally saying why (a short choice and/or a few
 * words). Enter rejects at once without a reason, so the common case stays one keystroke more than
 * before; Escape keeps the suggestion.
 */
final class RejectDialog {

    private final Supplier<Window> owner;
    private final Texts texts;

    RejectDialog(Supplier<Window> owner, Texts texts) {
        this.owner = owner;
        this.texts = texts;
    }

    /** Runs on the FX thread; the rejection itself is logged off it by the view model. */
    void show(SuggestionPanelViewModel vm, Suggestion suggestion) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner.get());
        dialog.setTitle(texts.get("reject.title"));
        dialog.setHeaderText(texts.get("reject.header"));
        ButtonType reject = new ButtonType(texts.get("reject.ok"), javafx.scene.control.ButtonBar.ButtonData.OK_DONE);
        ButtonType keep = new ButtonType(texts.get("reject.cancel"), javafx.scene.control.ButtonBar.ButtonData.CANCEL_CLOSE);
        dialog.getDialogPane().getButtonTypes().addAll(reject, keep);
        dialog.getDialogPane().setId("rejectDialog");

        Label quoted = new Label(shorten(suggestion.text()));
        quoted.getStyleClass().addAll(Css.TEXT_MUTED, Css.TEXT_SMALL);
        quoted.setWrapText(true);
        quoted.setMaxWidth(440);

        ToggleGroup reasons = new ToggleGroup();
        VBox choices = new VBox(6);
        for (RejectReason r : RejectReason.values()) {
            RadioButton option = new RadioButton(texts.get("reject.reason." + r.name()));
            option.setId("rejectReason_" + r.name());
            option.setUserData(r);
            option.setToggleGroup(reasons);
            choices.getChildren().add(option);
        }
        TextField note = new TextField();
        note.setId("rejectNote");
        note.setPromptText(texts.get("reject.note"));
        // The log keeps RejectReason.MAX_NOTE_LENGTH characters with any choice; past it the count goes below zero
        // and Reject waits, instead of the service refusing the whole rejection after the dialog has closed.
        Label left = new Label();
        left.setId("rejectNoteLeft");
        left.getStyleClass().addAll(Css.TEXT_MUTED, Css.TEXT_SMALL);
        left.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> texts.format("reject.noteLeft", RejectReason.MAX_NOTE_LENGTH - note.getText().strip().length()),
                note.textProperty()));
        dialog.getDialogPane().lookupButton(reject).disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> note.getText().strip().length() > RejectReason.MAX_NOTE_LENGTH, note.textProperty()));
        Label optional = new Label(texts.get("reject.optional"));
        optional.getStyleClass().addAll(Css.TEXT_MUTED, Css.TEXT_SMALL);

        VBox box = new VBox(10, quoted, choices, note, left, optional);
        box.setPrefWidth(460);
        dialog.getDialogPane().setContent(box);
        dialog.setOnShown(e -> note.requestFocus());
        dialog.showAndWait().filter(b -> b == reject).ifPresent(b -> {
            Optional<RejectReason> reason = Optional.ofNullable(reasons.getSelectedToggle()).map(t -> (RejectReason) t.getUserData());
            vm.reject(suggestion, reason, Optional.of(note.getText()));
        });
    }

    private static String shorten(String text) {
        return text.length() <= 160 ? text : text.substring(0, 157) + "\u2026";
    }
}
