package app.tandem.ui.kb;

import app.tandem.kb.Article;
import app.tandem.kb.curation.ArticleUsage;
import app.tandem.kb.transfer.ImportProblem;
import app.tandem.kb.transfer.ImportReport;
import app.tandem.ui.common.BackgroundProgress;
import app.tandem.ui.common.Converters;
import app.tandem.ui.common.Css;
import app.tandem.ui.common.Formats;
import app.tandem.ui.common.Forms;
import app.tandem.ui.common.Texts;
import java.io.File;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * The Knowledge base tab: search, filters and list (with usage) on the left; reader, and for
 * supervisors the editor, history, learned questions and gaps on the right; import and export.
 */
public final class KnowledgeBaseView {

    private final KnowledgeBaseViewModel vm;
    private final Optional<KbEditorModels> editor;
    private final Texts texts;
    private final ZoneId zone;
    private final SplitPane root;
    private final ScrollPane reader = new ScrollPane();
    private final ArticleListView list;
    private TabPane tabs;
    private Tab editTab;

    public KnowledgeBaseView(KnowledgeBaseViewModel vm, Texts texts, ZoneId zone) {
        this(vm, Optional.empty(), texts, zone);
    }

    public KnowledgeBaseView(KnowledgeBaseViewModel vm, Optional<KbEditorModels> editor, Texts texts, ZoneId zone) {
        this.vm = vm;
        this.editor = editor;
        this.texts = texts;
        this.zone = zone;
        this.list = new ArticleListView(vm.list(), vm.canEdit(), texts, zone);
        root = new SplitPane(listPane(), articlePane());
        root.setDividerPositions(0.34);
        root.setId("knowledgeBase");
    }

    public Node node() {
        return root;
    }

    public void focusSearch() {
        list.focusSearch();
    }

    private Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }

    private Node listPane() {
        VBox pane = new VBox(8);
        pane.getChildren().addAll(list.nodes(vm::open));
        editor.ifPresent(e -> pane.getChildren().add(0, toolbar(e)));
        pane.setPadding(new Insets(10));
        pane.setMinWidth(260);
        return pane;
    }

    /** New article, import and export, with the progress of a running import or export and its cancel. */
    private Node toolbar(KbEditorModels models) {
        Button create = new Button(texts.get("kb.new"));
        create.setId("kbNew");
        create.setOnAction(e -> newArticleDialog());
        KbTransferViewModel transfer = models.transfer();
        MenuItem importFile = new MenuItem(texts.get("kb.importFile"));
        importFile.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(texts.get("kb.importFile"));
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(texts.get("kb.importFiles"),
                    "*.zip", "*.md", "*.csv", "*.json"));
            Optional.ofNullable(chooser.showOpenDialog(window())).map(File::toPath).ifPresent(transfer::planImport);
        });
        MenuItem importFolder = new MenuItem(texts.get("kb.importFolder"));
        importFolder.setOnAction(e -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle(texts.get("kb.importFolder"));
            Optional.ofNullable(chooser.showDialog(window())).map(File::toPath).ifPresent(transfer::planImport);
        });
        MenuButton importMenu = new MenuButton(texts.get("kb.import"), null, importFile, importFolder);
        importMenu.setId("kbImport");
        MenuButton exportMenu = new MenuButton(texts.get("kb.export"), null,
                exportItem(transfer, "kb.exportBundle", "tandem-kb.zip"), exportItem(transfer, "kb.exportCsv", "tandem-kb.csv"),
                exportItem(transfer, "kb.exportJson", "tandem-kb.json"));
        MenuItem exportFolder = new MenuItem(texts.get("kb.exportFolder"));
        exportFolder.setOnAction(e -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle(texts.get("kb.exportFolder"));
            Optional.ofNullable(chooser.showDialog(window())).map(File::toPath).ifPresent(transfer::export);
        });
        exportMenu.getItems().add(exportFolder);
        exportMenu.setId("kbExport");
        importMenu.disableProperty().bind(transfer.progress().runningProperty());
        exportMenu.disableProperty().bind(transfer.progress().runningProperty());
        Label message = new Label();
        message.setId("kbTransferMessage");
        message.setWrapText(true);
        message.getStyleClass().addAll(Css.TEXT_MUTED, Css.TEXT_SMALL);
        message.textProperty().bind(transfer.messageProperty());
        message.managedProperty().bind(message.textProperty().isNotEmpty());
        transfer.pendingProperty().addListener((obs, o, pending) -> {
            if (pending != null) {
                importReportDialog(transfer, pending);
            }
        });
        HBox buttons = new HBox(6, create, importMenu, exportMenu);
        buttons.setAlignment(Pos.CENTER_LEFT);
        return new VBox(4, buttons, progressBar(transfer.progress(), texts), message);
    }

    private MenuItem exportItem(KbTransferViewModel transfer, String key, String defaultName) {
        MenuItem item = new MenuItem(texts.get(key));
        item.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(texts.get(key));
            chooser.setInitialFileName(defaultName);
            Optional.ofNullable(chooser.showSaveDialog(window())).map(File::toPath).ifPresent(transfer::export);
        });
        return item;
    }

    /** A progress bar with its text and a Cancel button, shown while {@code progress} runs. */
    static Node progressBar(BackgroundProgress progress, Texts texts) {
        ProgressBar bar = new ProgressBar();
        bar.progressProperty().bind(progress.fractionProperty());
        bar.setPrefWidth(140);
        Label text = new Label();
        text.textProperty().bind(progress.textProperty());
        text.getStyleClass().addAll(Css.TEXT_SMALL, Css.TEXT_MUTED);
        Button cancel = new Button(texts.get("kb.cancel"));
        cancel.getStyleClass().addAll(Css.SMALL, Css.FLAT);
        cancel.setOnAction(e -> progress.cancel());
        HBox box = new HBox(6, bar, text, cancel);
        box.setAlignment(Pos.CENTER_LEFT);
        box.visibleProperty().bind(progress.runningProperty());
        box.managedProperty().bind(progress.runningProperty());
        return box;
    }

    private void importReportDialog(KbTransferViewModel transfer, KbTransferViewModel.PendingImport pending) {
        ImportReport report = pending.report();
        Dialog<ButtonType> dialog = new Dialog<>();
        if (window() != null) {
            dialog.initOwner(window());
        }
        dialog.setTitle(texts.get("kb.importTitle"));
        dialog.setHeaderText(transfer.summary(report));
        StringBuilder lines = new StringBuilder();
        for (ImportProblem p : report.problems()) {
            lines.append(texts.get("kb.importBadFile")).append("  ")
                    .append(transfer.problem(p)).append('\n');
        }
        for (ImportReport.Entry e : report.entries()) {
            if (e.kind() != ImportReport.Kind.UNCHANGED) {
                lines.append(texts.get("kb.kind." + e.kind().name())).append("  ").append(e.articleId()).append("  ")
                        .append(e.title()).append('\n');
            }
        }
        TextArea area = new TextArea(lines.toString());
        area.setId("kbImportReport");
        area.setEditable(false);
        area.setPrefSize(640, 320);
        CheckBox takeConflicts = new CheckBox(texts.format("kb.importTakeConflicts", report.count(ImportReport.Kind.CONFLICT)));
        takeConflicts.setId("kbTakeConflicts");
        takeConflicts.setDisable(report.count(ImportReport.Kind.CONFLICT) == 0);
        takeConflicts.setWrapText(true);
        VBox content = new VBox(8, area);
        ButtonType importButton = new ButtonType(texts.get("kb.importConfirm"), javafx.scene.control.ButtonBar.ButtonData.OK_DONE);
        if (report.refused()) {
            dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        } else {
            content.getChildren().add(takeConflicts);
            dialog.getDialogPane().getButtonTypes().addAll(importButton, ButtonType.CANCEL);
        }
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().setId("kbImportDialog");
        dialog.showAndWait().filter(b -> b == importButton)
                .ifPresentOrElse(b -> transfer.confirmImport(takeConflicts.isSelected()), transfer::cancelImport);
    }

    private void newArticleDialog() {
        Dialog<ButtonType> dialog = new Dialog<>();
        if (window() != null) {
            dialog.initOwner(window());
        }
        dialog.setTitle(texts.get("kb.new"));
        dialog.setHeaderText(texts.get("kb.newHeader"));
        TextField title = new TextField();
        title.setId("kbNewTitle");
        title.setPrefColumnCount(30);
        ChoiceBox<String> language = new ChoiceBox<>(FXCollections.observableArrayList("en", "zh"));
        language.setId("kbNewLanguage");
        language.setValue(Optional.ofNullable(vm.editor().articleProperty().get()).map(Article::language).orElse("en"));
        language.setConverter(Converters.converter(l -> l.toUpperCase(Locale.ROOT)));
        GridPane grid = Forms.grid();
        grid.addRow(0, new Label(texts.get("kb.title")), title);
        grid.addRow(1, new Label(texts.get("kb.language")), language);
        Label hint = new Label(texts.get("kb.newHint"));
        hint.setWrapText(true);
        hint.getStyleClass().addAll(Css.TEXT_MUTED, Css.TEXT_SMALL);
        grid.add(hint, 0, 2, 2, 1);
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        dialog.setOnShown(e -> title.requestFocus());
        dialog.showAndWait().filter(b -> b == ButtonType.OK)
                .ifPresent(b -> vm.newArticle(title.getText(), language.getValue(), ""));
    }

    private Node articlePane() {
        ArticleEditorViewModel open = vm.editor();
        reader.setId("kbReader");
        reader.setFitToWidth(true);
        open.articleProperty().addListener((obs, old, a) -> showArticle(a));
        open.usageProperty().addListener((obs, old, u) -> showArticle(open.articleProperty().get()));
        showArticle(null);
        if (!vm.canEdit()) {
            return reader;
        }
        editTab = new Tab(texts.get("kb.edit"), new ArticleEditorView(open, texts).node());
        editTab.setId("kbEditTab");
        tabs = new TabPane(new Tab(texts.get("kb.read"), reader), editTab);
        editor.ifPresent(models -> {
            Tab history = new Tab(texts.get("kb.history"), new ArticleHistoryView(models.history(), texts, zone).node());
            history.setId("kbHistoryTab");
            open.articleProperty().addListener((obs, o, a) -> models.history().load(a));
            tabs.getTabs().add(history);
        });
        tabs.getTabs().add(new Tab(texts.get("kb.questions"), LearnedQuestionsView.node(vm.questions(), texts)));
        editor.ifPresent(models -> {
            Tab gaps = new Tab(texts.get("kb.gaps"), new KbGapsView(models.gaps(), texts,
                    c -> vm.newArticle(c.suggestedTitle(), c.language(), c.draftBody()), vm::open).node());
            gaps.setId("kbGapsTab");
            tabs.getTabs().add(gaps);
        });
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setId("kbTabs");
        open.editRequestsProperty().addListener((obs, o, n) -> tabs.getSelectionModel().select(editTab));
        open.conflictProperty().addListener((obs, o, conflict) -> {
            if (conflict != null) {
                // Shown after the current event: the dialog waits, the model's change must finish first.
                javafx.application.Platform.runLater(() -> ConflictDialog.show(open, conflict, texts, window()));
            }
        });
        return tabs;
    }

    private void showArticle(Article a) {
        if (a == null) {
            Label empty = new Label(texts.get("kb.choose"));
            empty.getStyleClass().add(Css.EMPTY_STATE);
            empty.setPadding(new Insets(16));
            reader.setContent(empty);
            return;
        }
        VBox content = ArticleReader.content(a, texts, zone);
        ArticleUsage usage = vm.editor().usageProperty().get();
        if (usage != null && usage.articleId().equals(a.id())) {
            Label used = new Label(texts.format("kb.usageLine", usage.shown(), usage.inserted(), usage.acceptedAsIs(),
                    usage.lastUsed().map(t -> Formats.dateTime(t, zone, texts)).orElse(texts.get("kb.never"))));
            used.setId("kbUsage");
            used.getStyleClass().addAll(Css.USAGE, Css.TEXT_SMALL);
            used.setWrapText(true);
            content.getChildren().add(2, used);
        }
        reader.setContent(content);
    }
}
