package app.tandem.ui.desk;

import app.tandem.conversation.Conversation;
import app.tandem.ui.common.Css;
import app.tandem.ui.common.Formats;
import app.tandem.ui.common.LazyTooltip;
import app.tandem.ui.common.Texts;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.function.LongConsumer;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The desk's left pane: the queue of open conversations, and the buttons that start one. */
final class QueuePane {

    private final QueueViewModel queue;
    private final ConversationViewModel conversation;
    private final LongConsumer select;
    private final Texts texts;
    private final ListView<QueueViewModel.QueueItem> list = new ListView<>();
    /** The queue's cells, for updating their waiting times in place; the list drops cells it no longer uses. */
    private final Set<QueueCell> cells = Collections.newSetFromMap(new WeakHashMap<>());
    private final VBox pane;
    private boolean syncingSelection;

    QueuePane(QueueViewModel queue, ConversationViewModel conversation, LongConsumer select, Texts texts,
              Runnable newConversation, Runnable replayTranscript) {
        this.queue = queue;
        this.conversation = conversation;
        this.select = select;
        this.texts = texts;
        Label title = DeskView.paneTitle(texts.get("desk.queue"));
        Button start = new Button(texts.get("desk.new"));
        start.setId("newConversation");
        start.setTooltip(new Tooltip(texts.get("desk.new.tip")));
        start.setOnAction(e -> newConversation.run());
        start.setMaxWidth(Double.MAX_VALUE);
        Button replay = new Button(texts.get("desk.replay"));
        replay.setId("replay");
        replay.setTooltip(new Tooltip(texts.get("desk.replay.tip")));
        replay.setOnAction(e -> replayTranscript.run());
        replay.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(start, Priority.ALWAYS);
        HBox.setHgrow(replay, Priority.ALWAYS);
        HBox buttons = new HBox(6, start, replay);

        list.setId("queue");
        list.setItems(queue.items());
        list.setCellFactory(l -> {
            QueueCell cell = new QueueCell();
            cells.add(cell);
            return cell;
        });
        Label empty = new Label(texts.get("desk.queue.empty"));
        empty.getStyleClass().add(Css.EMPTY_STATE);
        empty.setWrapText(true);
        list.setPlaceholder(empty);
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, item) -> {
            if (!syncingSelection && item != null) {
                select.accept(item.id());
            }
        });
        queue.items().addListener((ListChangeListener<QueueViewModel.QueueItem>) c -> syncSelection());
        conversation.selectedProperty().addListener((obs, old, c) -> syncSelection());
        // Only the waiting times follow the clock. refresh() built every queue cell anew, and the clock moves
        // on each queue reload, that is on every message.
        queue.nowProperty().addListener((obs, old, now) -> cells.forEach(QueueCell::showWaiting));
        VBox.setVgrow(list, Priority.ALWAYS);

        pane = new VBox(8, title, buttons, list);
        pane.setPadding(new Insets(10));
        pane.setMinWidth(220);
    }

    Node node() {
        return pane;
    }

    /** A cell as the queue draws it, for the rehearsal's samples (its clock does not move them). */
    ListCell<QueueViewModel.QueueItem> rehearsalCell() {
        return new QueueCell();
    }

    /** Shows sample entries, never selected, until {@link #showModel}. */
    void showSample(boolean chinese) {
        syncingSelection = true;
        list.setItems(FXCollections.observableList(List.of(RehearsalSamples.queued(1, true),
                RehearsalSamples.queued(2, false), RehearsalSamples.queued(3, chinese))));
    }

    void showModel() {
        list.setItems(queue.items());
        syncingSelection = false;
    }

    private void syncSelection() {
        Conversation selected = conversation.selectedProperty().get();
        syncingSelection = true;
        try {
            if (selected == null) {
                list.getSelectionModel().clearSelection();
                return;
            }
            for (int i = 0; i < queue.items().size(); i++) {
                if (queue.items().get(i).id() == selected.id()) {
                    if (list.getSelectionModel().getSelectedIndex() != i) {
                        list.getSelectionModel().select(i);
                    }
                    return;
                }
            }
        } finally {
            syncingSelection = false;
        }
    }

    private final class QueueCell extends ListCell<QueueViewModel.QueueItem> {
        private Label waiting;
        private Instant since;

        QueueCell() {
            setPrefWidth(0); // follow the list's width: long titles get an ellipsis, not a scroll bar
        }

        @Override
        protected void updateItem(QueueViewModel.QueueItem item, boolean empty) {
            super.updateItem(item, empty);
            waiting = null;
            since = null;
            if (empty || item == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            Region dot = new Region();
            dot.getStyleClass().add(Css.UNREAD_DOT);
            dot.setVisible(item.unread());
            dot.setManaged(item.unread());
            Label title = new Label(item.conversation().title());
            title.getStyleClass().add(Css.QUEUE_TITLE);
            if (item.unread()) {
                title.getStyleClass().add(Css.UNREAD);
            }
            title.setMinWidth(0);
            title.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(title, Priority.ALWAYS);
            HBox top = new HBox(6, dot, title);
            top.setAlignment(Pos.CENTER_LEFT);
            String who = item.customerName().isEmpty() ? texts.get("desk.noCustomer") : item.customerName();
            Label customer = new Label(who + " \u00b7 " + texts.get("channel." + item.conversation().channel().name()));
            customer.getStyleClass().addAll(Css.TEXT_MUTED, Css.TEXT_SMALL);
            customer.setMinWidth(0);
            Region spacer = new Region();
            HBox.setHgrow(spacer, Priority.ALWAYS);
            HBox bottom = new HBox(6, customer, spacer);
            item.waitingSince().ifPresent(from -> {
                since = from;
                waiting = new Label();
                waiting.setMinWidth(Region.USE_PREF_SIZE);
                waiting.getStyleClass().addAll(Css.WAITING, Css.TEXT_SMALL);
                LazyTooltip.install(waiting, () -> texts.get("desk.waiting.tip"));
                showWaiting();
                bottom.getChildren().add(waiting);
            });
            VBox box = new VBox(3, top, bottom);
            item.note().ifPresent(n -> {
                // Under the section's heading, so the note alone: what the agent wrote for the supervisors.
                Label note = new Label("\u201c" + n + "\u201d");
                LazyTooltip.install(note, () -> n);
                note.getStyleClass().addAll(Css.TEXT_MUTED, Css.TEXT_SMALL);
                note.setWrapText(true);
                note.setMinWidth(0);
                box.getChildren().add(note);
            });
            if (firstOfGroup(item)) {
                // The section's heading rides on its first line, so the list stays one list (keys, selection, scrolling).
                Label heading = new Label(texts.get("desk.group." + item.group().name()));
                heading.getStyleClass().addAll(Css.QUEUE_GROUP, Css.TEXT_SMALL);
                heading.setId("queueGroup" + item.group().name());
                box.getChildren().add(0, heading);
            }
            box.getStyleClass().add(Css.QUEUE_CELL);
            setText(null);
            setGraphic(box);
        }

        private boolean firstOfGroup(QueueViewModel.QueueItem item) {
            int at = getIndex();
            List<QueueViewModel.QueueItem> shown = getListView().getItems();
            return at <= 0 || at >= shown.size() || shown.get(at - 1).group() != item.group();
        }

        void showWaiting() {
            if (waiting == null) {
                return;
            }
            Duration wait = Duration.between(since, queue.nowProperty().get());
            waiting.setText(Formats.waiting(wait, texts));
            if (wait.toMinutes() >= 2) {
                if (!waiting.getStyleClass().contains(Css.WAITING_LONG)) {
                    waiting.getStyleClass().add(Css.WAITING_LONG);
                }
            } else {
                waiting.getStyleClass().remove(Css.WAITING_LONG);
            }
        }
    }
}
