package app.tandem.ui.kb;

import app.tandem.kb.ArticleStatus;
import app.tandem.ui.common.ArticleCard;
import app.tandem.ui.common.Converters;
import app.tandem.ui.common.Css;
import app.tandem.ui.common.EmptyStates;
import app.tandem.ui.common.Formats;
import app.tandem.ui.common.Texts;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.animation.PauseTransition;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/** The search field, filters and article list of the Knowledge base tab; an empty list says what would fill it. */
final class ArticleListView {

    private final ArticleListViewModel vm;
    private final boolean canEdit;
    private final Texts texts;
    private final ZoneId zone;
    private final TextField search = new TextField();

    /** {@code canEdit}: supervisors also filter by status, and an empty knowledge base tells them how to fill it. */
    ArticleListView(ArticleListViewModel vm, boolean canEdit, Texts texts, ZoneId zone) {
        this.vm = vm;
        this.canEdit = canEdit;
        this.texts = texts;
        this.zone = zone;
    }

    void focusSearch() {
        search.requestFocus();
    }

    /** The search field, the filters and the list; choosing a line opens its article with {@code open}. */
    List<Node> nodes(Consumer<String> open) {
        search.setId("kbSearch");
        search.setPromptText(texts.get("kb.search"));
        search.textProperty().bindBidirectional(vm.queryProperty());
        PauseTransition debounce = new PauseTransition(Duration.millis(250));
        debounce.setOnFinished(e -> vm.search());
        search.textProperty().addListener((obs, old, text) -> debounce.playFromStart());
        search.setOnAction(e -> vm.search());

        ListView<ArticleListViewModel.ArticleRow> list = new ListView<>(vm.rows());
        list.setId("kbList");
        list.setCellFactory(l -> new ArticleRowCell());
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> {
            if (row != null) {
                open.accept(row.id());
            }
        });
        list.setPlaceholder(placeholder());
        VBox.setVgrow(list, Priority.ALWAYS);
        return List.of(search, filters(), list);
    }

    private Label placeholder() {
        Label empty = EmptyStates.label("", "kbListPlaceholder");
        empty.textProperty().bind(Bindings.createStringBinding(() -> {
            if (vm.stateProperty().get() == ArticleListViewModel.State.ERROR) {
                return vm.messageProperty().get();
            }
            ArticleListViewModel.Empty why = vm.emptyProperty().get();
            if (why == null) {
                return "";
            }
            return switch (why) {
                case NOTHING_STORED -> texts.get(canEdit ? "kb.emptyList.curator" : "kb.emptyList.agent");
                case NOTHING_MATCHES -> texts.get("kb.emptyList.noMatch");
            };
        }, vm.stateProperty(), vm.emptyProperty(), vm.messageProperty()));
        return empty;
    }

    private Node filters() {
        ChoiceBox<String> language = new ChoiceBox<>(FXCollections.observableArrayList(null, "en", "zh"));
        language.setId("kbFilterLanguage");
        language.setConverter(Converters.converter(l -> l.toUpperCase(Locale.ROOT), texts.get("kb.filterAll")));
        language.valueProperty().bindBidirectional(vm.languageFilterProperty());
        language.valueProperty().addListener((obs, o, n) -> vm.search());
        TextField tag = new TextField();
        tag.setId("kbFilterTag");
        tag.setPromptText(texts.get("kb.filterTag"));
        tag.setPrefColumnCount(6);
        tag.textProperty().bindBidirectional(vm.tagFilterProperty());
        tag.setOnAction(e -> vm.search());
        PauseTransition debounce = new PauseTransition(Duration.millis(300));
        debounce.setOnFinished(e -> vm.search());
        tag.textProperty().addListener((obs, o, n) -> debounce.playFromStart());
        ChoiceBox<ArticleListViewModel.Order> order = new ChoiceBox<>(FXCollections.observableArrayList(
                ArticleListViewModel.Order.values()));
        order.setId("kbOrder");
        order.setConverter(Converters.converter(o -> texts.get("kb.order." + o.name())));
        order.valueProperty().bindBidirectional(vm.orderProperty());
        order.valueProperty().addListener((obs, o, n) -> vm.search());
        HBox row = new HBox(6, language, tag);
        if (canEdit) {
            List<ArticleStatus> statuses = new ArrayList<>();
            statuses.add(null);
            statuses.addAll(List.of(ArticleStatus.values()));
            ChoiceBox<ArticleStatus> status = new ChoiceBox<>(FXCollections.observableArrayList(statuses));
            status.setId("kbFilterStatus");
            status.setConverter(Converters.converter(s -> texts.get("status." + s.name()), texts.get("kb.filterAll")));
            status.valueProperty().bindBidirectional(vm.statusFilterProperty());
            status.valueProperty().addListener((obs, o, n) -> vm.search());
            row.getChildren().add(status);
        }
        row.getChildren().add(order);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private final class ArticleRowCell extends ListCell<ArticleListViewModel.ArticleRow> {
        @Override
        protected void updateItem(ArticleListViewModel.ArticleRow row, boolean empty) {
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
            if (row.usage().shown() > 0) {
                Label used = new Label(texts.format("kb.usageBadge", row.usage().shown(), row.usage().inserted(),
                        row.usage().acceptedAsIs()));
                used.getStyleClass().addAll(Css.USAGE, Css.TEXT_SMALL);
                box.getChildren().add(used);
            }
            row.hit().ifPresent(hit -> {
                var snippet = ArticleCard.snippet(hit.snippet());
                snippet.setMaxWidth(340);
                box.getChildren().add(snippet);
            });
            box.setMaxWidth(Region.USE_PREF_SIZE);
            setText(null);
            setGraphic(box);
        }
    }
}
