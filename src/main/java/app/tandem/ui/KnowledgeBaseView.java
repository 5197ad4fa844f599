package app.tandem.ui;

import app.tandem.kb.AlternateQuestion;
import app.tandem.kb.Article;
import app.tandem.kb.ArticleStatus;
import java.time.ZoneId;
import java.util.Locale;
import javafx.animation.PauseTransition;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/** The Knowledge base tab: search and list on the left, reader (and editor for supervisors) on the right. */
public final class KnowledgeBaseView {

    private final KnowledgeBaseViewModel vm;
    private final Texts texts;
    private final ZoneId zone;
    private final SplitPane root;
    private final ScrollPane reader = new ScrollPane();
    private final TextField search = new TextField();

    public KnowledgeBaseView(KnowledgeBaseViewModel vm, Texts texts, ZoneId zone) {
        this.vm = vm;
        this.texts = texts;
        this.zone = zone;
        root = new SplitPane(listPane(), articlePane());
        root.setDividerPositions(0.34);
        root.setId("knowledgeBase");
    }

    public Node node() {
        return root;
    }

    public void focusSearch() {
        search.requestFocus();
    }

    private Node listPane() {
        search.setId("kbSearch");
        search.setPromptText(texts.get("kb.search"));
        search.textProperty().bindBidirectional(vm.queryProperty());
        PauseTransition debounce = new PauseTransition(javafx.util.Duration.millis(250));
        debounce.setOnFinished(e -> vm.search());
        search.textProperty().addListener((obs, old, text) -> debounce.playFromStart());
        search.setOnAction(e -> vm.search());

        ListView<KnowledgeBaseViewModel.ArticleRow> list = new ListView<>(vm.rows());
        list.setId("kbList");
        list.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(KnowledgeBaseViewModel.ArticleRow row, boolean empty) {
                super.updateItem(row, empty);
                if (empty || row == null) {
                    setGraphic(null);
                    setText(null);
                    return;
                }
                Label title = new Label(row.title());
                title.getStyleClass().add(Css.TEXT_BOLD);
                title.setMinWidth(0);
                Label meta = new Label(row.language().toUpperCase(Locale.ROOT) + " \u00b7 " + texts.get("status." + row.status().name())
                        + " \u00b7 v" + row.version() + " \u00b7 " + Formats.date(row.updatedAt(), zone, texts));
                meta.getStyleClass().addAll(Css.TEXT_MUTED, Css.TEXT_SMALL);
                VBox box = new VBox(2, title, meta);
                row.hit().ifPresent(hit -> {
                    var snippet = DeskView.snippet(hit.snippet());
                    snippet.setMaxWidth(340);
                    box.getChildren().add(snippet);
                });
                box.setMaxWidth(Region.USE_PREF_SIZE);
                setText(null);
                setGraphic(box);
            }
        });
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> {
            if (row != null) {
                vm.open(row.id());
            }
        });
        Label empty = new Label();
        empty.textProperty().bind(vm.messageProperty());
        empty.getStyleClass().add(Css.EMPTY_STATE);
        list.setPlaceholder(empty);
        VBox.setVgrow(list, Priority.ALWAYS);
        VBox pane = new VBox(8, search, list);
        pane.setPadding(new Insets(10));
        pane.setMinWidth(260);
        return pane;
    }

    private Node articlePane() {
        reader.setId("kbReader");
        reader.setFitToWidth(true);
        vm.articleProperty().addListener((obs, old, a) -> showArticle(a));
        showArticle(null);
        if (!vm.canEditProperty().get()) {
            return reader;
        }
        TabPane tabs = new TabPane(new Tab(texts.get("kb.read"), reader), new Tab(texts.get("kb.edit"), editor()),
                new Tab(texts.get("kb.questions"), learnedQuestions()));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setId("kbTabs");
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
        reader.setContent(ArticleReader.content(a, texts, zone));
    }

    /** Questions learned from resolved conversations; a supervisor removes the ones that do not belong. */
    private Node learnedQuestions() {
        ListView<AlternateQuestion> list = new ListView<>(vm.questions());
        list.setId("kbQuestions");
        list.setPlaceholder(new Label(texts.get("kb.noQuestions")));
        list.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(AlternateQuestion q, boolean empty) {
                super.updateItem(q, empty);
                if (empty || q == null) {
                    setGraphic(null);
                    return;
                }
                Label text = new Label(q.text());
                text.setWrapText(true);
                HBox.setHgrow(text, Priority.ALWAYS);
                text.setMaxWidth(Double.MAX_VALUE);
                Button remove = new Button(texts.get("kb.removeQuestion"));
                remove.getStyleClass().addAll(Css.FLAT, Css.SMALL);
                remove.setOnAction(e -> vm.removeQuestion(q));
                setGraphic(new HBox(8, text, remove));
            }
        });
        Label hint = new Label(texts.get("kb.questionsHint"));
        hint.setWrapText(true);
        hint.getStyleClass().add(Css.TEXT_MUTED);
        VBox.setVgrow(list, Priority.ALWAYS);
        VBox pane = new VBox(8, hint, list);
        pane.setPadding(new Insets(10));
        return pane;
    }

    private Node editor() {
        TextField title = new TextField();
        title.setId("kbEditTitle");
        title.textProperty().bindBidirectional(vm.editTitleProperty());
        TextField tags = new TextField();
        tags.setId("kbEditTags");
        tags.setPromptText(texts.get("kb.tagsPrompt"));
        tags.textProperty().bindBidirectional(vm.editTagsProperty());
        ChoiceBox<ArticleStatus> status = new ChoiceBox<>(FXCollections.observableArrayList(ArticleStatus.values()));
        status.setId("kbEditStatus");
        status.valueProperty().bindBidirectional(vm.editStatusProperty());
        status.setConverter(new StringConverter<>() {
            @Override
            public String toString(ArticleStatus s) {
                return s == null ? "" : texts.get("status." + s.name());
            }

            @Override
            public ArticleStatus fromString(String s) {
                return null;
            }
        });
        TextArea body = new TextArea();
        body.setId("kbEditBody");
        body.setWrapText(true);
        body.textProperty().bindBidirectional(vm.editBodyProperty());
        body.getStyleClass().add(Css.MD_CODE);
        Button save = new Button(texts.get("kb.save"));
        save.setId("kbSave");
        save.getStyleClass().add(Css.ACCENT);
        save.setOnAction(e -> vm.save());
        save.disableProperty().bind(vm.articleProperty().isNull()
                .or(vm.stateProperty().isEqualTo(KnowledgeBaseViewModel.State.SAVING)));
        Label message = new Label();
        message.setId("kbMessage");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());
        message.styleProperty().bind(Bindings.when(vm.stateProperty().isEqualTo(KnowledgeBaseViewModel.State.ERROR))
                .then("-fx-text-fill: -color-danger-fg;").otherwise(""));
        HBox.setHgrow(message, Priority.ALWAYS);
        HBox actions = new HBox(10, message, save);
        actions.setAlignment(Pos.CENTER_RIGHT);

        GridPane grid = DeskDialogs.form();
        grid.addRow(0, new Label(texts.get("kb.title")), title);
        grid.addRow(1, new Label(texts.get("kb.tags")), tags);
        grid.addRow(2, new Label(texts.get("kb.status")), status);
        GridPane.setHgrow(title, Priority.ALWAYS);
        VBox.setVgrow(body, Priority.ALWAYS);
        VBox pane = new VBox(8, grid, body, actions);
        pane.setPadding(new Insets(10));
        pane.disableProperty().bind(vm.articleProperty().isNull());
        // The tab pane sets its contents' disable itself; bind on a node inside it.
        return new StackPane(pane);
    }
}
