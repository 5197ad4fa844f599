package app.tandem.ui.escalations;

import app.tandem.assist.escalation.Escalation;
import app.tandem.ui.common.Css;
import app.tandem.ui.common.EmptyStates;
import app.tandem.ui.common.Formats;
import app.tandem.ui.common.Texts;
import java.time.ZoneId;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tab;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The Escalations tab (supervisors): what was flagged, why, when, and an Acknowledge button. */
public final class EscalationsView {

    private final EscalationsViewModel vm;
    private final Texts texts;
    private final ZoneId zone;
    private final VBox root;

    public EscalationsView(EscalationsViewModel vm, Texts texts, ZoneId zone) {
        this.vm = vm;
        this.texts = texts;
        this.zone = zone;
        CheckBox openOnly = new CheckBox(texts.get("escalations.openOnly"));
        openOnly.setId("escalationsOpenOnly");
        openOnly.selectedProperty().bindBidirectional(vm.openOnlyProperty());
        Button refresh = new Button(texts.get("escalations.refresh"));
        refresh.setOnAction(e -> vm.refresh());
        Label message = new Label();
        message.getStyleClass().add(Css.TEXT_MUTED);
        message.textProperty().bind(vm.messageProperty());
        HBox bar = new HBox(10, openOnly, refresh, message);
        bar.setAlignment(Pos.CENTER_LEFT);
        ListView<Escalation> list = new ListView<>(vm.items());
        list.setId("escalations");
        list.setCellFactory(l -> new EscalationCell());
        list.setPlaceholder(EmptyStates.label(texts.get("escalations.placeholder"), "escalationsPlaceholder"));
        VBox.setVgrow(list, Priority.ALWAYS);
        root = new VBox(8, bar, list);
        root.setPadding(new Insets(10));
    }

    /** The tab, starting its view model; {@code vm.dispose()} when the window goes. */
    public static Tab tab(EscalationsViewModel vm, Texts texts, ZoneId zone) {
        Tab tab = new Tab(texts.get("escalations.tab"), new EscalationsView(vm, texts, zone).node());
        tab.setId("escalationsTab");
        vm.start();
        return tab;
    }

    public Node node() {
        return root;
    }

    private final class EscalationCell extends ListCell<Escalation> {
        @Override
        protected void updateItem(Escalation e, boolean empty) {
            super.updateItem(e, empty);
            if (empty || e == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            Label reason = new Label(texts.get("escalation." + e.reason().name()));
            reason.getStyleClass().add(Css.TEXT_BOLD);
            Label detail = new Label(texts.escalationDetail(e.detail()));
            detail.setWrapText(true);
            detail.setMinWidth(0);
            Label where = new Label(texts.format("escalations.conversation", e.conversationId(), e.messageSeq()) + " \u00b7 "
                    + Formats.time(e.at(), zone) + e.acknowledgedBy().map(by -> " \u00b7 " + texts.format("escalations.acknowledged", by)).orElse(""));
            where.getStyleClass().addAll(Css.TEXT_MUTED, Css.TEXT_SMALL);
            VBox text = new VBox(2, reason, detail, where);
            HBox.setHgrow(text, Priority.ALWAYS);
            Region spacer = new Region();
            HBox row = new HBox(8, text, spacer);
            if (e.isOpen()) {
                Button ack = new Button(texts.get("escalations.acknowledge"));
                ack.getStyleClass().add(Css.SMALL);
                ack.setOnAction(a -> vm.acknowledge(e));
                row.getChildren().add(ack);
            }
            row.setAlignment(Pos.CENTER_LEFT);
            setText(null);
            setGraphic(row);
        }
    }
}
