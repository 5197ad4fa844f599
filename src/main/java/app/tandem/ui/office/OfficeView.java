package app.tandem.ui.office;

import app.tandem.office.Colleague;
import app.tandem.ui.common.Css;
import app.tandem.ui.common.EmptyStates;
import app.tandem.ui.common.Texts;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The Office tab (supervisors): the office's open conversations with who has them and for how long, the people
 * with their presence, and Take over. The clocks move every second.
 */
public final class OfficeView {

    private final OfficeViewModel vm;
    private final Texts texts;
    private final Timeline ticker;
    private final SplitPane root;

    public OfficeView(OfficeViewModel vm, Texts texts) {
        this.vm = vm;
        this.texts = texts;
        TableView<OfficeViewModel.OpenConversation> table = new TableView<>(vm.conversations());
        table.setId("officeConversations");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(EmptyStates.label(texts.get("office.empty"), "officeEmpty"));
        table.getColumns().add(column("office.customer", c -> c.customer() + " \u00b7 " + c.title(), 3));
        table.getColumns().add(column("office.channel", c -> texts.get("channel." + c.channel().name()), 1));
        table.getColumns().add(column("office.queue", c -> texts.get("office.team." + c.team().name()), 1));
        table.getColumns().add(column("office.holder", c -> c.holder().orElse(texts.get("office.nobody")), 2));
        table.getColumns().add(clock("office.waiting", vm::waiting));
        table.getColumns().add(clock("office.handling", vm::handling));

        Button takeOver = new Button(texts.get("office.takeOver"));
        takeOver.setId("takeOver");
        takeOver.getStyleClass().add(Css.ACCENT);
        takeOver.setTooltip(new Tooltip(texts.get("office.takeOver.tip")));
        takeOver.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        takeOver.setOnAction(e -> vm.takeOver(table.getSelectionModel().getSelectedItem().id()));
        Label message = new Label();
        message.setId("officeMessage");
        message.getStyleClass().add(Css.COMPOSE_ERROR);
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());
        message.visibleProperty().bind(message.textProperty().isNotEmpty());
        HBox bar = new HBox(10, takeOver, message);
        bar.setAlignment(Pos.CENTER_LEFT);
        Label conversationsTitle = title(texts.get("office.conversations"));
        VBox.setVgrow(table, Priority.ALWAYS);
        VBox left = new VBox(8, conversationsTitle, table, bar);
        left.setPadding(new Insets(10));

        ListView<Colleague> people = new ListView<>(vm.people());
        people.setId("officePeople");
        people.setCellFactory(l -> new PersonCell());
        VBox.setVgrow(people, Priority.ALWAYS);
        VBox right = new VBox(8, title(texts.get("office.people")), people);
        right.setPadding(new Insets(10));
        right.setMinWidth(200);

        root = new SplitPane(left, right);
        root.setId("office");
        root.setDividerPositions(0.75);
        ticker = new Timeline(new KeyFrame(javafx.util.Duration.seconds(1), e -> vm.tick()));
        ticker.setCycleCount(Timeline.INDEFINITE);
    }

    /** The tab, starting its view model and its clock; {@link #dispose} when the window goes. */
    public Tab tab() {
        Tab tab = new Tab(texts.get("tab.office"), root);
        tab.setId("officeTab");
        vm.start();
        ticker.play();
        return tab;
    }

    public void dispose() {
        ticker.stop();
        vm.dispose();
    }

    public Node node() {
        return root;
    }

    private static Label title(String text) {
        Label l = new Label(text);
        l.getStyleClass().add(Css.PANE_TITLE);
        return l;
    }

    private TableColumn<OfficeViewModel.OpenConversation, String> column(String key,
            Function<OfficeViewModel.OpenConversation, String> text, int weight) {
        TableColumn<OfficeViewModel.OpenConversation, String> column = new TableColumn<>(texts.get(key));
        column.setCellValueFactory(row -> Bindings.createStringBinding(() -> text.apply(row.getValue())));
        column.setPrefWidth(90 * weight);
        column.setSortable(false);
        return column;
    }

    /** A time that follows the view model's clock ("—" when it does not apply). */
    private TableColumn<OfficeViewModel.OpenConversation, String> clock(String key,
            Function<OfficeViewModel.OpenConversation, Optional<Duration>> since) {
        TableColumn<OfficeViewModel.OpenConversation, String> column = new TableColumn<>(texts.get(key));
        column.setCellValueFactory(row -> (ObservableValue<String>) Bindings.createStringBinding(
                () -> since.apply(row.getValue()).map(OfficeView::clockText).orElse("\u2014"), vm.nowProperty()));
        column.setPrefWidth(90);
        column.setSortable(false);
        column.setStyle("-fx-alignment: CENTER-RIGHT;");
        return column;
    }

    /** "0:42", "12:05", "1:02:05": to the second, as a supervisor watching a queue reads a clock. */
    static String clockText(Duration d) {
        long s = Math.max(0, d.toSeconds());
        return s < 3600 ? String.format("%d:%02d", s / 60, s % 60) : String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
    }

    private final class PersonCell extends ListCell<Colleague> {
        @Override
        protected void updateItem(Colleague c, boolean empty) {
            super.updateItem(c, empty);
            if (empty || c == null) {
                setText(null);
                setOpacity(1);
                return;
            }
            setText(c.displayName() + " \u00b7 " + c.presence().map(p -> texts.get("presence." + p.name()))
                    .orElse(texts.get("office.offline")));
            // Someone not at a seat stays listed, greyed: a supervisor still sees who is in the team.
            setOpacity(c.isOnline() ? 1 : 0.55);
        }
    }
}
