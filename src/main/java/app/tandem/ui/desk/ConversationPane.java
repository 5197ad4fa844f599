package app.tandem.ui.desk;

import app.tandem.assist.escalation.TurnAnnotation;
import app.tandem.conversation.Attachment;
import app.tandem.conversation.Conversation;
import app.tandem.conversation.Message;
import app.tandem.ui.common.Css;
import app.tandem.ui.common.Formats;
import app.tandem.ui.common.Texts;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.MapChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The desk's middle pane: the open conversation's title and Close button, the escalation banner, the turns
 * with their chips, and under them the compose box.
 */
final class ConversationPane {

    /**
     * A turn as the conversation list shows it: the message and, for a customer turn, what was understood of it
     * and what it carried (null: nothing).
     */
    record Turn(Message message, TurnAnnotation annotation, Attachment attachment) {
        Turn(Message message, TurnAnnotation annotation) {
            this(message, annotation, null);
        }
    }

    /** What the pane's buttons do. */
    record Actions(Runnable close, Runnable claim, Runnable transfer, Runnable release, Runnable handOff) {}

    private final ConversationViewModel conversation;
    private final UnderstandingViewModel understanding;
    private final AttachmentViewModel attachments;
    private final DeskDialogs dialogs;
    private final Texts texts;
    private final ZoneId zone;
    /** The open conversation's turns as the list shows them; kept in step with the view model's messages and annotations. */
    private final ObservableList<Turn> turns = FXCollections.observableArrayList();
    private final ListView<Turn> list = new ListView<>(turns);
    private final Label empty = DeskView.emptyState("");
    private final Label escalationBanner = new Label();
    private final VBox pane;
    private VirtualFlow<?> turnFlow;
    private boolean scrollPending;

    ConversationPane(ConversationViewModel conversation, UnderstandingViewModel understanding, AttachmentViewModel attachments,
                     HolderViewModel holder, ComposeBox compose, DeskDialogs dialogs, Texts texts, ZoneId zone, Actions actions) {
        this.conversation = conversation;
        this.understanding = understanding;
        this.attachments = attachments;
        this.dialogs = dialogs;
        this.texts = texts;
        this.zone = zone;
        Label title = DeskView.paneTitle("");
        title.setId("conversationTitle");
        title.textProperty().bind(Bindings.createStringBinding(() -> {
            Conversation c = conversation.selectedProperty().get();
            return c == null ? texts.get("desk.conversation") : c.title();
        }, conversation.selectedProperty()));
        title.setMinWidth(0);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button close = new Button(texts.get("desk.close"));
        close.setId("closeConversation");
        close.setTooltip(new Tooltip(texts.get("desk.close.tip")));
        close.disableProperty().bind(conversation.selectedProperty().isNull());
        close.setOnAction(e -> actions.close().run());
        BooleanBinding mine = holder.holdProperty().isEqualTo(HolderViewModel.Hold.MINE);
        Button claim = new Button(texts.get("desk.claim"));
        claim.setId("claim");
        claim.getStyleClass().add(Css.ACCENT);
        claim.setTooltip(new Tooltip(texts.get("desk.claim.tip")));
        claim.setOnAction(e -> actions.claim().run());
        claim.visibleProperty().bind(holder.holdProperty().isEqualTo(HolderViewModel.Hold.WAITING));
        claim.managedProperty().bind(claim.visibleProperty());
        MenuButton passOn = new MenuButton(texts.get("desk.passOn"), null,
                menuItem("transfer", texts.get("desk.transfer"), actions.transfer()),
                menuItem("release", texts.get("desk.release"), actions.release()),
                menuItem("handOff", texts.get("desk.handOff"), actions.handOff()));
        passOn.setId("passOn");
        passOn.setTooltip(new Tooltip(texts.get("desk.passOn.tip")));
        passOn.visibleProperty().bind(mine);
        passOn.managedProperty().bind(passOn.visibleProperty());
        HBox header = new HBox(8, title, spacer, claim, passOn, close);
        header.setAlignment(Pos.CENTER_LEFT);

        // Virtualised: only the turns in view have nodes, so a long conversation costs no more to lay out
        // and style than a short one (one VBox of every turn cost the FX thread up to 80 ms a message).
        list.setId("conversation");
        list.getStyleClass().add(Css.CONVERSATION_LIST);
        list.setFocusTraversable(false); // Tab goes from the queue to the compose box, as before
        list.setCellFactory(l -> new TurnCell());
        list.setPlaceholder(empty);
        VBox.setVgrow(list, Priority.ALWAYS);
        conversation.messages().addListener((ListChangeListener<Message>) c -> render());
        conversation.selectedProperty().addListener((obs, old, c) -> render());
        understanding.annotations().addListener((MapChangeListener<Integer, TurnAnnotation>) c -> render());
        attachments.attachments().addListener((MapChangeListener<Integer, Attachment>) c -> render());
        render();

        escalationBanner.setId("escalationBanner");
        escalationBanner.getStyleClass().add(Css.ESCALATION_BANNER);
        escalationBanner.setWrapText(true);
        escalationBanner.setMaxWidth(Double.MAX_VALUE);
        escalationBanner.managedProperty().bind(escalationBanner.visibleProperty());
        // Set, not bound: the rehearsal shows a sample in it (DeskView.rehearseInPlace).
        understanding.escalations().addListener((javafx.beans.Observable o) -> showBanner(escalationText()));
        showBanner(escalationText());

        // Offered where the desk shows an escalation: the escalation becomes a handoff to the supervisors.
        Button handOff = new Button(texts.get("desk.handOff.banner"));
        handOff.setId("handOffFromBanner");
        handOff.setOnAction(e -> actions.handOff().run());
        handOff.visibleProperty().bind(mine);
        handOff.managedProperty().bind(handOff.visibleProperty());
        HBox.setHgrow(escalationBanner, Priority.ALWAYS);
        HBox bannerRow = new HBox(8, escalationBanner, handOff);
        bannerRow.setAlignment(Pos.CENTER_LEFT);
        bannerRow.visibleProperty().bind(escalationBanner.visibleProperty());
        bannerRow.managedProperty().bind(bannerRow.visibleProperty());

        // The moves with their notes, so whoever receives the conversation reads why before the turns.
        VBox moves = new VBox(2);
        moves.setId("conversationMoves");
        holder.moves().addListener((ListChangeListener<HolderViewModel.Move>) c -> moves.getChildren().setAll(
                holder.moves().stream().map(m -> moveLine(m, zone)).toList()));
        moves.visibleProperty().bind(Bindings.isNotEmpty(holder.moves()));
        moves.managedProperty().bind(moves.visibleProperty());

        pane = new VBox(8, header, bannerRow, moves, list, compose.locked(), compose.area(), compose.error(), compose.actions());
        pane.setPadding(new Insets(10));
        pane.setMinWidth(360);
    }

    Node node() {
        return pane;
    }

    private static MenuItem menuItem(String id, String text, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setId(id);
        item.setOnAction(e -> action.run());
        return item;
    }

    private static Label moveLine(HolderViewModel.Move m, ZoneId zone) {
        Label line = new Label(Formats.time(m.at(), zone) + "  " + m.words());
        line.getStyleClass().add(Css.MOVE_LINE);
        line.setWrapText(true);
        return line;
    }

    /** A cell as the conversation draws it, for the rehearsal's samples. */
    ListCell<Turn> cell() {
        return new TurnCell();
    }

    /** Shows sample turns and a sample banner until {@link #showModel}. */
    void showSample(boolean chinese) {
        List<Turn> sample = new ArrayList<>();
        for (int seq = 1; seq <= 9; seq++) {
            sample.add(RehearsalSamples.turn(seq, chinese, seq));
        }
        turns.setAll(sample);
        showBanner(RehearsalSamples.sample(chinese, 2));
    }

    void showModel() {
        render();
        showBanner(escalationText());
    }

    private String escalationText() {
        return understanding.escalations().isEmpty() ? "" : texts.format("escalation.banner", understanding.escalationBanner());
    }

    private void showBanner(String text) {
        escalationBanner.setText(text);
        escalationBanner.setVisible(!text.isEmpty());
    }

    /**
     * Brings the conversation list up to date. Only turns that changed are replaced (a new annotation
     * replaces its one turn), so the list redraws only those cells, and only if they are in view.
     */
    private void render() {
        if (conversation.selectedProperty().get() == null || conversation.messages().isEmpty()) {
            empty.setText(texts.get(conversation.selectedProperty().get() == null ? "desk.conversation.none" : "assist.waiting"));
            turns.clear();
            return;
        }
        List<Turn> now = new ArrayList<>(conversation.messages().size());
        for (Message m : conversation.messages()) {
            now.add(m.fromCustomer() ? new Turn(m, understanding.annotations().get(m.seq()), attachments.of(m).orElse(null))
                    : new Turn(m, null, null));
        }
        int common = Math.min(turns.size(), now.size());
        int same = 0;
        while (same < common && turns.get(same).equals(now.get(same))) {
            same++;
        }
        // A new turn always comes into view; a turn that grew (its chips arrived) keeps the newest in view
        // only if the agent was looking at it, not after they scrolled up to read.
        boolean added = now.size() > turns.size();
        boolean follow = added || showingNewest();
        if (same == turns.size()) {
            turns.addAll(now.subList(same, now.size()));
        } else if (now.size() == turns.size()) {
            for (int i = same; i < now.size(); i++) {
                if (!turns.get(i).equals(now.get(i))) {
                    turns.set(i, now.get(i));
                }
            }
        } else {
            turns.setAll(now);
        }
        if (follow) {
            scrollToNewest(added);
        }
    }

    private boolean showingNewest() {
        VirtualFlow<?> flow = flow();
        IndexedCell<?> last = flow == null ? null : flow.getLastVisibleCell();
        return last == null || last.getIndex() >= turns.size() - 1;
    }

    private VirtualFlow<?> flow() {
        if (turnFlow == null && list.lookup(".virtual-flow") instanceof VirtualFlow<?> found) {
            turnFlow = found; // the skin's, made once
        }
        return turnFlow;
    }

    /**
     * Scrolls to a newly added turn now, so that the layout pass builds the cells at the end, and (also when
     * a turn in view only grew) once that pass has measured them: heights are estimates until then.
     */
    private void scrollToNewest(boolean added) {
        if (added) {
            list.scrollTo(turns.size() - 1);
        }
        Scene scene = list.getScene();
        if (scene == null || scrollPending) {
            return;
        }
        scrollPending = true;
        scene.addPostLayoutPulseListener(new Runnable() {
            @Override
            public void run() {
                scene.removePostLayoutPulseListener(this);
                scrollPending = false;
                VirtualFlow<?> flow = flow();
                if (flow != null && !turns.isEmpty()) {
                    flow.scrollTo(turns.size() - 1); // the newest turn's bottom on the list's bottom, by pixels
                }
            }
        });
    }

    /**
     * Draws the turn it is given; the list gives cells only to the turns in view. Each cell keeps its own
     * {@link TurnView} and only changes what it shows (see there why).
     */
    private final class TurnCell extends ListCell<Turn> {
        private final TurnView view = new TurnView(understanding, attachments, dialogs, texts, zone, list.widthProperty());

        TurnCell() {
            setPrefWidth(0); // follow the list's width: bubbles wrap, no horizontal scroll bar
            setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
            setGraphic(view.node());
            view.node().setVisible(false);
        }

        @Override
        protected void updateItem(Turn item, boolean empty) {
            super.updateItem(item, empty);
            setText(null);
            boolean shown = !empty && item != null;
            if (shown) {
                view.show(item.message(), item.annotation(), Optional.ofNullable(item.attachment()));
            }
            view.node().setVisible(shown);
        }

        /** The height the wrapped turn needs at the width the list gives it (the skin would ask the graphic at any width). */
        @Override
        protected double computePrefHeight(double width) {
            if (isEmpty() || width < 0) {
                return super.computePrefHeight(width);
            }
            Insets in = getInsets();
            return in.getTop() + in.getBottom() + view.node().prefHeight(width - in.getLeft() - in.getRight());
        }
    }
}
