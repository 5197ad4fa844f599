package app.tandem.ui.macros;

import app.tandem.assist.Macro;
import app.tandem.ui.common.Converters;
import app.tandem.ui.common.Css;
import app.tandem.ui.common.EmptyStates;
import app.tandem.ui.common.Forms;
import app.tandem.ui.common.Texts;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/** The Macros tab: the list on the left, the form, its problems and the live preview on the right. */
public final class MacroEditorView {

    private final MacroEditorViewModel vm;
    private final Texts texts;
    private final ListView<Macro> list = new ListView<>();
    private final TextArea body = new TextArea();
    private final TextFlow preview = new TextFlow();
    private final SplitPane root;
    private boolean syncing;

    public MacroEditorView(MacroEditorViewModel vm, Texts texts) {
        this.vm = vm;
        this.texts = texts;
        root = new SplitPane(listPane(), formPane());
        root.setId("macroEditor");
        root.setDividerPositions(0.3);
        SplitPane.setResizableWithParent(root.getItems().get(0), false);
    }

    public static Tab tab(MacroEditorViewModel vm, Texts texts) {
        Tab tab = new Tab(texts.get("tab.macros"), new MacroEditorView(vm, texts).root);
        tab.setId("macrosTab");
        vm.load();
        return tab;
    }

    private Node listPane() {
        Label title = new Label(texts.get("macros.list"));
        title.getStyleClass().add(Css.PANE_TITLE);
        Button create = new Button(texts.get("macros.new"));
        create.setId("macroNew");
        create.setOnAction(e -> {
            list.getSelectionModel().clearSelection();
            vm.newMacro();
        });
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(8, title, spacer, create);
        header.setAlignment(Pos.CENTER_LEFT);

        list.setId("macroList");
        list.setItems(vm.macros());
        list.setCellFactory(l -> new MacroCell());
        list.setPlaceholder(EmptyStates.label(texts.get("macros.empty"), "macroListPlaceholder"));
        list.getSelectionModel().selectedItemProperty().addListener((o, old, m) -> {
            if (!syncing && m != null) {
                vm.edit(m);
            }
        });
        // A reloaded list keeps the macro being edited selected.
        vm.macros().addListener((ListChangeListener<Macro>) c -> selectEditing());
        vm.editingProperty().addListener((o, old, m) -> selectEditing());
        VBox.setVgrow(list, Priority.ALWAYS);
        VBox pane = new VBox(8, header, list);
        pane.setPadding(new Insets(10));
        pane.setMinWidth(240);
        return pane;
    }

    private void selectEditing() {
        Macro editing = vm.editingProperty().get();
        syncing = true;
        try {
            if (editing == null || editing.id() == 0) {
                list.getSelectionModel().clearSelection();
                return;
            }
            vm.macros().stream().filter(m -> m.id() == editing.id()).findFirst().ifPresent(m -> list.getSelectionModel().select(m));
        } finally {
            syncing = false;
        }
    }

    private final class MacroCell extends ListCell<Macro> {
        MacroCell() {
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(Macro m, boolean empty) {
            super.updateItem(m, empty);
            if (empty || m == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            Label name = new Label(m.title());
            name.setMinWidth(0);
            if (!m.enabled()) {
                name.getStyleClass().add(Css.TEXT_MUTED);
            }
            Region spacer = new Region();
            HBox.setHgrow(spacer, Priority.ALWAYS);
            String badge = m.language().toUpperCase(Locale.ROOT) + (m.enabled() ? "" : " \u00b7 " + texts.get("macros.off"));
            Label meta = new Label(badge);
            meta.getStyleClass().addAll(Css.TEXT_MUTED, Css.TEXT_SMALL);
            meta.setMinWidth(Region.USE_PREF_SIZE);
            HBox row = new HBox(6, name, spacer, meta);
            row.setAlignment(Pos.CENTER_LEFT);
            setText(null);
            setGraphic(row);
        }
    }

    private Node formPane() {
        TextField title = new TextField();
        title.setId("macroTitle");
        title.textProperty().bindBidirectional(vm.titleProperty());
        ChoiceBox<String> language = new ChoiceBox<>(FXCollections.observableArrayList(vm.languages()));
        language.setId("macroLanguage");
        language.valueProperty().bindBidirectional(vm.languageProperty());
        language.setConverter(Converters.converter(code -> texts.get("macros.language." + code)));
        CheckBox enabled = new CheckBox(texts.get("macros.enabled.label"));
        enabled.setId("macroEnabled");
        enabled.setTooltip(new Tooltip(texts.get("macros.enabled.tip")));
        // A click is a command (a saved macro switches at once), so the box follows the view model, not a binding.
        enabled.setSelected(vm.enabledProperty().get());
        vm.enabledProperty().addListener((o, old, on) -> enabled.setSelected(on));
        enabled.setOnAction(e -> vm.setEnabled(enabled.isSelected()));

        ComboBox<Macro.Moment> moment = new ComboBox<>(FXCollections.observableArrayList(vm.moments()));
        moment.setId("macroMoment");
        moment.setTooltip(new Tooltip(texts.get("macros.moment.tip")));
        moment.valueProperty().bindBidirectional(vm.momentProperty());
        moment.setConverter(Converters.converter(m -> texts.get("macros.moment." + m.name())));

        body.setId("macroBody");
        body.setWrapText(true);
        body.setPrefRowCount(5);
        body.setPromptText(texts.get("macros.body.prompt"));
        body.textProperty().bindBidirectional(vm.bodyProperty());
        MenuButton variables = new MenuButton(texts.get("macros.insertVariable"));
        variables.setId("macroVariables");
        variables.getStyleClass().add(Css.SMALL);
        for (String v : vm.variables()) {
            MenuItem item = new MenuItem("{" + v + "}  \u2014  " + texts.get("macros.variable." + v));
            item.setOnAction(e -> {
                int caret = vm.insertVariable(v, body.getCaretPosition());
                body.requestFocus();
                body.positionCaret(caret);
            });
            variables.getItems().add(item);
        }

        Label problems = new Label();
        problems.setId("macroProblems");
        problems.getStyleClass().add(Css.FORM_ERROR);
        problems.setWrapText(true);
        problems.setMinHeight(Region.USE_PREF_SIZE);
        problems.textProperty().bind(vm.problemsProperty());
        problems.visibleProperty().bind(vm.problemsProperty().isNotEmpty());
        problems.managedProperty().bind(problems.visibleProperty());

        TextArea triggers = new TextArea();
        triggers.setId("macroTriggers");
        triggers.setWrapText(true);
        triggers.setPrefRowCount(3);
        triggers.setPromptText(texts.get("macros.triggers.prompt"));
        triggers.textProperty().bindBidirectional(vm.triggersProperty());

        TextField intents = new TextField();
        intents.setId("macroIntents");
        intents.setPromptText(texts.get("macros.intents.prompt"));
        intents.setTooltip(new Tooltip(texts.get("macros.intents.tip")));
        intents.textProperty().bindBidirectional(vm.intentsProperty());
        Label intentNames = new Label();
        intentNames.setId("macroIntentNames");
        intentNames.getStyleClass().addAll(Css.TEXT_MUTED, Css.TEXT_SMALL);
        intentNames.setWrapText(true);
        intentNames.textProperty().bind(vm.intentNamesProperty());
        intentNames.visibleProperty().bind(vm.intentNamesProperty().isNotEmpty());
        intentNames.managedProperty().bind(intentNames.visibleProperty());

        Label previewTitle = new Label();
        previewTitle.getStyleClass().add(Css.SECTION_LABEL);
        previewTitle.textProperty().bind(vm.previewForProperty());
        preview.setId("macroPreview");
        preview.getStyleClass().add(Css.MACRO_PREVIEW);
        vm.preview().addListener((ListChangeListener<MacroEditorViewModel.PreviewRun>) c -> renderPreview());
        renderPreview();
        Label previewNote = new Label(texts.get("macros.preview.note"));
        previewNote.getStyleClass().addAll(Css.TEXT_MUTED, Css.TEXT_SMALL);
        previewNote.setWrapText(true);

        Button save = new Button(texts.get("macros.save"));
        save.setId("macroSave");
        save.getStyleClass().add(Css.ACCENT);
        save.disableProperty().bind(vm.canSave().not());
        save.setOnAction(e -> vm.save());
        Button delete = new Button(texts.get("macros.delete"));
        delete.setId("macroDelete");
        delete.getStyleClass().add(Css.DANGER);
        delete.disableProperty().bind(Bindings.createBooleanBinding(
                () -> vm.editingProperty().get() == null || vm.editingProperty().get().id() == 0, vm.editingProperty()));
        delete.setOnAction(e -> confirmDelete());
        Label message = new Label();
        message.setId("macroMessage");
        message.getStyleClass().add(Css.TEXT_MUTED);
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox actions = new HBox(8, message, grow, delete, save);
        actions.setAlignment(Pos.CENTER_LEFT);

        GridPane grid = Forms.grid();
        grid.addRow(0, new Label(texts.get("macros.title")), title);
        HBox languageRow = new HBox(16, language, enabled);
        languageRow.setAlignment(Pos.CENTER_LEFT);
        grid.addRow(1, new Label(texts.get("macros.language")), languageRow);
        grid.addRow(2, new Label(texts.get("macros.moment")), moment);
        GridPane.setHgrow(title, Priority.ALWAYS);

        HBox bodyHeader = new HBox(8, section(texts.get("macros.body")), new Region(), variables);
        HBox.setHgrow(bodyHeader.getChildren().get(1), Priority.ALWAYS);
        bodyHeader.setAlignment(Pos.CENTER_LEFT);
        VBox previewBox = new VBox(4, previewTitle, preview, previewNote);
        previewBox.getStyleClass().add(Css.CARD);

        VBox pane = new VBox(8, grid, bodyHeader, body, problems, section(texts.get("macros.triggers")), triggers,
                section(texts.get("macros.intents")), intents, intentNames, previewBox, actions);
        pane.setPadding(new Insets(10));
        pane.setMaxWidth(760);
        javafx.scene.control.ScrollPane scroll = new javafx.scene.control.ScrollPane(pane);
        scroll.setFitToWidth(true);
        return scroll;
    }

    private Label section(String text) {
        Label l = new Label(text);
        l.getStyleClass().add(Css.SECTION_LABEL);
        return l;
    }

    /** The body as an agent would get it for the sample customer; gaps in the error colour. */
    private void renderPreview() {
        preview.getChildren().clear();
        if (vm.preview().isEmpty()) {
            Text empty = new Text(texts.get("macros.preview.empty"));
            empty.getStyleClass().add(Css.MD_TEXT);
            preview.getChildren().add(empty);
            return;
        }
        for (MacroEditorViewModel.PreviewRun run : vm.preview()) {
            Text t = new Text(run.text());
            t.getStyleClass().add(run.gap() ? Css.MACRO_GAP : Css.MD_TEXT);
            preview.getChildren().add(t);
        }
    }

    private void confirmDelete() {
        Macro m = vm.editingProperty().get();
        if (m == null || m.id() == 0) {
            return;
        }
        Alert confirm = new Alert(Alert.AlertType.CONFIRMATION, texts.format("macros.delete.confirm", m.title()),
                ButtonType.OK, ButtonType.CANCEL);
        confirm.initOwner(root.getScene().getWindow());
        confirm.setTitle(texts.get("macros.delete"));
        confirm.setHeaderText(texts.get("macros.delete"));
        confirm.showAndWait().filter(b -> b == ButtonType.OK).ifPresent(b -> vm.delete());
    }
}
