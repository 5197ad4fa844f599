package app.tandem.ui.desk;

import app.tandem.channel.Transcript;
import app.tandem.conversation.Channel;
import app.tandem.customer.Customer;
import app.tandem.office.Colleague;
import app.tandem.ui.common.Forms;
import app.tandem.ui.common.Texts;
import java.io.File;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Slider;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import javafx.util.StringConverter;

/** The desk's small dialogs: new conversation, replay a transcript, close with a summary, pass a conversation on. */
public final class DeskDialogs {

    private final Supplier<Window> owner;
    private final Texts texts;

    public DeskDialogs(Supplier<Window> owner, Texts texts) {
        this.owner = owner;
        this.texts = texts;
    }

    /** Runs on the FX thread: tells the person what went wrong, in their words where we can. */
    public Consumer<Throwable> failure(String titleKey) {
        return e -> {
            // The heading says what did not work; the text why, in the person's words where the domain gives them.
            Alert alert = new Alert(Alert.AlertType.ERROR, texts.failure(e), ButtonType.OK);
            alert.initOwner(owner.get());
            alert.setTitle(texts.get(titleKey));
            alert.setHeaderText(texts.get(titleKey));
            alert.show();
        };
    }

    public void newConversation(NewConversationViewModel vm) {
        Dialog<ButtonType> dialog = dialog(texts.get("new.title"));
        TextField search = new TextField();
        search.setId("customerSearch");
        search.setPromptText(texts.get("new.search"));
        ListView<Optional<Customer>> customers = new ListView<>();
        customers.setId("customerChoice");
        customers.setPrefHeight(200);
        customers.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(Optional<Customer> item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null
                        : item.map(c -> c.name() + "  \u00b7  " + c.id() + c.phone().map(p -> "  \u00b7  " + p).orElse(""))
                                .orElse(texts.get("new.noCustomer")));
            }
        });
        Consumer<List<Customer>> show = found -> {
            var items = FXCollections.<Optional<Customer>>observableArrayList();
            items.add(Optional.empty());
            found.forEach(c -> items.add(Optional.of(c)));
            customers.setItems(items);
            customers.getSelectionModel().select(found.size() == 1 ? 1 : 0);
        };
        search.textProperty().addListener((obs, old, text) -> vm.searchCustomers(text, show));
        vm.searchCustomers("", show);

        ChoiceBox<Channel> channel = new ChoiceBox<>(FXCollections.observableArrayList(Channel.PHONE, Channel.BRANCH, Channel.CHAT));
        channel.setValue(Channel.PHONE);
        channel.setConverter(new StringConverter<>() {
            @Override
            public String toString(Channel c) {
                return c == null ? "" : texts.get("channel." + c.name());
            }

            @Override
            public Channel fromString(String s) {
                return null;
            }
        });
        TextField title = new TextField();
        title.setId("conversationTitleField");
        title.setPromptText(texts.get("new.titlePrompt"));

        GridPane grid = Forms.grid();
        grid.addRow(0, new Label(texts.get("new.customer")), search);
        grid.add(customers, 1, 1);
        grid.addRow(2, new Label(texts.get("new.channel")), channel);
        grid.addRow(3, new Label(texts.get("new.topic")), title);
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().lookupButton(ButtonType.OK).disableProperty().bind(title.textProperty().isEmpty());
        search.requestFocus();
        dialog.showAndWait().filter(b -> b == ButtonType.OK).ifPresent(b -> {
            Optional<Customer> chosen = Optional.ofNullable(customers.getSelectionModel().getSelectedItem()).flatMap(c -> c);
            vm.open(chosen.map(Customer::id), channel.getValue(), title.getText(), failure("error.open"));
        });
    }

    public void replay(NewConversationViewModel vm) {
        Dialog<ButtonType> dialog = dialog(texts.get("replay.title"));
        ListView<Transcript> list = new ListView<>(FXCollections.observableArrayList(vm.sampleTranscripts()));
        list.setId("transcripts");
        list.setPrefSize(420, 240);
        list.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(Transcript t, boolean empty) {
                super.updateItem(t, empty);
                setText(empty || t == null ? null : t.title() + "  \u00b7  " + t.language().toUpperCase() + "  \u00b7  "
                        + texts.format("replay.turns", t.customerTurns().size()));
            }
        });
        list.getSelectionModel().selectFirst();
        Slider speed = new Slider(0.5, 4, 1);
        speed.setShowTickLabels(true);
        speed.setMajorTickUnit(0.5);
        speed.setSnapToTicks(true);
        Label speedLabel = new Label();
        speedLabel.textProperty().bind(speed.valueProperty().asString(texts.get("replay.speedValue")));
        ButtonType openFile = new ButtonType(texts.get("replay.openFile"));
        dialog.getDialogPane().getButtonTypes().add(0, openFile);
        GridPane grid = Forms.grid();
        grid.add(list, 0, 0, 2, 1);
        grid.addRow(1, new Label(texts.get("replay.speed")), speed);
        grid.add(speedLabel, 1, 2);
        dialog.getDialogPane().setContent(grid);
        Optional<ButtonType> choice = dialog.showAndWait();
        if (choice.isEmpty()) {
            return;
        }
        if (choice.get() == openFile) {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(texts.get("replay.openFile"));
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(texts.get("replay.files"), "*.txt"));
            File file = chooser.showOpenDialog(owner.get());
            if (file != null) {
                vm.replayFile(file.toPath(), speed.getValue(), failure("error.replay"));
            }
        } else if (choice.get() == ButtonType.OK && list.getSelectionModel().getSelectedItem() != null) {
            vm.replay(list.getSelectionModel().getSelectedItem(), speed.getValue(), failure("error.replay"));
        }
    }

    public void closeConversation(CloseConversationViewModel vm) {
        Dialog<ButtonType> dialog = dialog(texts.get("close.title"));
        TextArea summary = new TextArea();
        summary.setId("summary");
        summary.setWrapText(true);
        summary.setPrefRowCount(4);
        summary.setPromptText(texts.get("close.prompt"));
        vm.draftSummary(draft -> {
            if (summary.getText().isBlank()) {
                summary.setText(draft);
            }
        });
        VBox box = new VBox(8, new Label(texts.format("close.header", vm.conversation().map(c -> c.title()).orElse(""))), summary);
        box.setPadding(new Insets(4));
        VBox.setVgrow(summary, Priority.ALWAYS);
        dialog.getDialogPane().setContent(box);
        summary.requestFocus();
        dialog.showAndWait().filter(b -> b == ButtonType.OK)
                .ifPresent(b -> vm.close(summary.getText(), failure("error.close")));
    }

    /**
     * Transfers the conversation on screen to a colleague, with a note: online colleagues first with their presence,
     * those not at a seat greyed (a transfer to them still waits for them).
     */
    public void transfer(PassOnViewModel vm) {
        if (vm.title().isEmpty()) {
            return;
        }
        Dialog<ButtonType> dialog = dialog(texts.get("passOn.transfer.title"));
        ListView<Colleague> colleagues = new ListView<>();
        colleagues.setId("colleagueChoice");
        colleagues.setPrefHeight(200);
        colleagues.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(Colleague c, boolean empty) {
                super.updateItem(c, empty);
                setText(empty || c == null ? null : c.presence()
                        .map(p -> texts.format("passOn.online", c.displayName(), texts.get("presence." + p.name())))
                        .orElseGet(() -> texts.format("passOn.offline", c.displayName())));
                setOpacity(empty || c == null || c.isOnline() ? 1 : 0.55);
            }
        });
        vm.colleagues(found -> {
            colleagues.getItems().setAll(found);
            colleagues.getSelectionModel().selectFirst();
        }, failure("error.passOn"));
        TextArea note = note();
        GridPane grid = Forms.grid();
        grid.addRow(0, new Label(texts.get("passOn.colleague")), colleagues);
        grid.addRow(1, new Label(texts.get("passOn.note")), note);
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().lookupButton(ButtonType.OK).disableProperty()
                .bind(colleagues.getSelectionModel().selectedItemProperty().isNull());
        dialog.showAndWait().filter(b -> b == ButtonType.OK).ifPresent(b -> vm.transfer(
                colleagues.getSelectionModel().getSelectedItem().username(), note.getText(), failure("error.passOn")));
    }

    /** Puts the conversation on screen back in the agents' queue, with a note for whoever claims it next. */
    public void release(PassOnViewModel vm) {
        noteOnly(vm, "passOn.release.title").ifPresent(note -> vm.release(note, failure("error.passOn")));
    }

    /** Hands the conversation on screen to the supervisors' queue, with a note. */
    public void handOff(PassOnViewModel vm) {
        noteOnly(vm, "passOn.handOff.title").ifPresent(note -> vm.handOff(note, failure("error.passOn")));
    }

    /** The agent fixes the text read from a customer's image, looking at the image as they type. */
    public Optional<String> correctReadText(javafx.scene.image.Image image, String current) {
        Dialog<ButtonType> dialog = dialog(texts.get("turn.image.correct.title"));
        javafx.scene.image.ImageView view = new javafx.scene.image.ImageView(image);
        view.setPreserveRatio(true);
        view.setFitWidth(Math.min(480, image.getWidth()));
        TextArea text = new TextArea(current);
        text.setId("readTextCorrection");
        text.setWrapText(true);
        text.setPrefRowCount(5);
        VBox box = new VBox(8, view, new Label(texts.get("turn.image.correct.prompt")), text);
        box.setPadding(new Insets(4));
        dialog.getDialogPane().setContent(box);
        javafx.application.Platform.runLater(text::requestFocus);
        return dialog.showAndWait().filter(b -> b == ButtonType.OK).map(b -> text.getText());
    }

    /** A customer's image full size, in a window of its own (scrolling when it is larger than the screen). */
    public void showImage(byte[] bytes) {
        javafx.scene.image.Image image = new javafx.scene.image.Image(new java.io.ByteArrayInputStream(bytes));
        javafx.scene.control.ScrollPane pane = new javafx.scene.control.ScrollPane(new javafx.scene.image.ImageView(image));
        javafx.stage.Stage stage = new javafx.stage.Stage();
        stage.initOwner(owner.get());
        stage.setTitle(texts.get("turn.image.title"));
        stage.setScene(new javafx.scene.Scene(pane, Math.min(1000, image.getWidth() + 4), Math.min(760, image.getHeight() + 4)));
        stage.show();
    }

    private Optional<String> noteOnly(PassOnViewModel vm, String titleKey) {
        if (vm.title().isEmpty()) {
            return Optional.empty();
        }
        Dialog<ButtonType> dialog = dialog(texts.get(titleKey));
        TextArea note = note();
        VBox box = new VBox(8, new Label(vm.title().get()), new Label(texts.get("passOn.note")), note);
        box.setPadding(new Insets(4));
        dialog.getDialogPane().setContent(box);
        javafx.application.Platform.runLater(note::requestFocus);
        return dialog.showAndWait().filter(b -> b == ButtonType.OK).map(b -> note.getText());
    }

    private TextArea note() {
        TextArea note = new TextArea();
        note.setId("passOnNote");
        note.setWrapText(true);
        note.setPrefRowCount(3);
        note.setPromptText(texts.get("passOn.note.prompt"));
        return note;
    }

    /** Supervisors curate the Smart Reply allowlist: allow, block or delete entries (side panel menu). */
    public void allowlist(AllowlistCurationViewModel vm) {
        Dialog<ButtonType> dialog = dialog(texts.get("allowlist.title"));
        dialog.getDialogPane().getButtonTypes().remove(ButtonType.CANCEL);
        javafx.scene.control.ListView<app.tandem.assist.AllowlistEntry> list = new javafx.scene.control.ListView<>();
        list.setId("allowlist");
        list.setPrefSize(640, 420);
        list.setCellFactory(v -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(app.tandem.assist.AllowlistEntry e, boolean empty) {
                super.updateItem(e, empty);
                setText(empty || e == null ? null : texts.format("allowlist.entry", texts.get("allowlist.status." + e.status().name()),
                        e.timesSent(), e.text()));
                setWrapText(true);
            }
        });
        java.util.function.Consumer<java.util.List<app.tandem.assist.AllowlistEntry>> show = entries -> list.getItems().setAll(entries);
        javafx.scene.control.Button allow = new javafx.scene.control.Button(texts.get("allowlist.allow"));
        javafx.scene.control.Button block = new javafx.scene.control.Button(texts.get("allowlist.block"));
        javafx.scene.control.Button delete = new javafx.scene.control.Button(texts.get("allowlist.delete"));
        allow.setId("allowlistAllow");
        block.setId("allowlistBlock");
        delete.setId("allowlistDelete");
        allow.setOnAction(e -> act(vm, list, java.util.Optional.of(app.tandem.assist.AllowlistEntry.Status.ALLOWED), show));
        block.setOnAction(e -> act(vm, list, java.util.Optional.of(app.tandem.assist.AllowlistEntry.Status.BLOCKED), show));
        delete.setOnAction(e -> act(vm, list, java.util.Optional.empty(), show));
        Label note = new Label(texts.get("allowlist.note"));
        note.setWrapText(true);
        VBox box = new VBox(8, note, list, new javafx.scene.layout.HBox(6, allow, block, delete));
        box.setPadding(new Insets(4));
        dialog.getDialogPane().setContent(box);
        vm.load(show);
        dialog.showAndWait();
    }

    private static void act(AllowlistCurationViewModel vm, javafx.scene.control.ListView<app.tandem.assist.AllowlistEntry> list,
                            java.util.Optional<app.tandem.assist.AllowlistEntry.Status> status,
                            java.util.function.Consumer<java.util.List<app.tandem.assist.AllowlistEntry>> show) {
        app.tandem.assist.AllowlistEntry selected = list.getSelectionModel().getSelectedItem();
        if (selected != null) {
            vm.curate(selected.id(), status, show);
        }
    }

    /**
     * Asks which intent a customer turn really has: the known intents by their names in the desk's
     * language, or a new one typed in. Returns the intent id; empty when cancelled or left blank.
     */
    public Optional<String> correctIntent(Optional<String> current) {
        ComboBox<String> choice = new ComboBox<>(FXCollections.observableArrayList(texts.knownIntents()));
        choice.setId("intentChoice");
        choice.setEditable(true);
        choice.setMaxWidth(Double.MAX_VALUE);
        choice.setConverter(new StringConverter<>() {
            @Override
            public String toString(String id) {
                return id == null || id.isEmpty() ? "" : texts.intentName(id);
            }

            @Override
            public String fromString(String typed) {
                return typed == null ? "" : intentId(typed);
            }
        });
        current.ifPresent(choice::setValue);
        Dialog<ButtonType> dialog = dialog(texts.get("correct.intent.title"));
        dialog.setHeaderText(texts.get("correct.intent.header"));
        VBox box = new VBox(8, choice);
        box.setPadding(new Insets(10));
        dialog.getDialogPane().setContent(box);
        javafx.application.Platform.runLater(choice::requestFocus);
        return dialog.showAndWait().filter(b -> b == ButtonType.OK)
                .map(b -> intentId(choice.getEditor().getText())).filter(id -> !id.isBlank());
    }

    /** A typed intent: a known intent's name or id gives that id; anything else is a new id (spaces as underscores). */
    public String intentId(String typed) {
        String t = typed.strip();
        for (String id : texts.knownIntents()) {
            if (id.equals(t) || texts.intentName(id).equalsIgnoreCase(t)) {
                return id;
            }
        }
        return t.replaceAll("\\s+", "_");
    }

    private Dialog<ButtonType> dialog(String title) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner.get());
        dialog.setTitle(title);
        dialog.setHeaderText(title);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        dialog.setResizable(true);
        return dialog;
    }
}
