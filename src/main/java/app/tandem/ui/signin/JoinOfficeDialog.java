package app.tandem.ui.signin;

import app.tandem.ui.common.Css;
import app.tandem.ui.common.Forms;
import app.tandem.ui.common.Texts;
import javafx.event.ActionEvent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** The "Join an office" form: it stays open, with the reason, until the office accepts this PC or the person cancels. */
final class JoinOfficeDialog {

    private JoinOfficeDialog() {}

    static void show(Window owner, JoinOfficeViewModel vm, Texts texts) {
        Dialog<Void> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(texts.get("join.title"));
        dialog.setHeaderText(texts.get("join.header"));

        TextField server = new TextField();
        server.setId("joinServer");
        server.setPromptText(texts.get("join.serverPrompt"));
        server.textProperty().bindBidirectional(vm.serverProperty());
        PasswordField key = new PasswordField();
        key.setId("joinKey");
        key.textProperty().bindBidirectional(vm.keyProperty());
        GridPane form = Forms.grid();
        form.addRow(0, new Label(texts.get("join.server")), server);
        form.addRow(1, new Label(texts.get("join.key")), key);
        GridPane.setHgrow(server, Priority.ALWAYS);
        GridPane.setHgrow(key, Priority.ALWAYS);

        Label message = new Label();
        message.setId("joinMessage");
        message.setWrapText(true);
        message.setMaxWidth(420);
        message.getStyleClass().add(Css.FORM_ERROR);
        message.textProperty().bind(vm.messageProperty());
        message.visibleProperty().bind(vm.messageProperty().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(18, 18);
        busy.visibleProperty().bind(vm.workingProperty());
        Label note = new Label(texts.get("join.note"));
        note.setWrapText(true);
        note.setMaxWidth(420);
        note.getStyleClass().add(Css.TEXT_MUTED);
        dialog.getDialogPane().setContent(new VBox(12, form, note, new HBox(8, busy, message)));

        ButtonType joinType = new ButtonType(texts.get("join.submit"), ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(joinType, ButtonType.CANCEL);
        Button join = (Button) dialog.getDialogPane().lookupButton(joinType);
        join.setId("joinSubmit");
        join.disableProperty().bind(vm.workingProperty().or(server.textProperty().isEmpty()));
        // The dialog closes only when the office accepted this PC (the view model's onJoined closes it).
        join.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            vm.join();
        });
        dialog.setOnShown(e -> server.requestFocus());
        vm.joinedProperty().addListener((obs, old, where) -> {
            if (!where.isEmpty()) {
                dialog.setResult(null);
                dialog.close();
            }
        });
        dialog.show();
    }
}
