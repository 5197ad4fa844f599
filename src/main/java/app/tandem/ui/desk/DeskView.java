package app.tandem.ui.desk;

import app.tandem.assist.AssistService;
import app.tandem.assist.Suggestion;
import app.tandem.assist.escalation.TurnAnnotation;
import app.tandem.conversation.Channel;
import app.tandem.conversation.Conversation;
import app.tandem.conversation.Message;
import app.tandem.kb.ArticleHit;
import app.tandem.ui.common.ArticleCard;
import app.tandem.ui.common.Css;
import app.tandem.ui.common.Formats;
import app.tandem.ui.common.LazyTooltip;
import app.tandem.ui.common.SuggestionCard;
import app.tandem.ui.common.Texts;
import app.tandem.ui.customers.CustomerPanel;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.function.Consumer;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.MapChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The desk tab: queue on the left, the live conversation and compose box in the middle, the
 * suggestions, articles and customer profile on the right. Builds nodes and binds; all decisions
 * are the {@link DeskViewModel}'s.
 */
public final class DeskView {

    static final KeyCombination SEND = new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN);
    static final KeyCombination CUSTOMER_SAID = new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN,
            KeyCombination.SHIFT_DOWN);
    private static final KeyCode[] DIGITS = {KeyCode.DIGIT1, KeyCode.DIGIT2, KeyCode.DIGIT3};

    private final DeskViewModel vm;
    private final Texts texts;
    private final ZoneId zone;
    private final Consumer<String> openArticle;
    private final DeskDialogs dialogs;
    private final RejectDialog rejectDialog;

    private final ListView<DeskViewModel.QueueItem> queueList = new ListView<>();
    /** The open conversation's turns as the list shows them; kept in step with the view model's messages and annotations. */
    private final ObservableList<Turn> turns = FXCollections.observableArrayList();
    private final ListView<Turn> conversationList = new ListView<>(turns);
    private final Label conversationEmpty = emptyState("");
    private final TextArea compose = new TextArea();
    private final VBox suggestionsBox = new VBox(8);
    private final List<SuggestionCard> suggestionCards = new ArrayList<>();
    private final VBox articlesBox = new VBox(8);
    private final List<ArticleCard> articleCards = new ArrayList<>();
    private final Label notice = new Label();
    private final Label escalationBanner = new Label();
    private final ProgressIndicator busy = new ProgressIndicator();
    private CustomerPanel customerPanel;
    private final Timeline ticker;
    private final SplitPane root;
    private boolean syncingSelection;

    public DeskView(DeskViewModel vm, Texts texts, ZoneId zone, Consumer<String> openArticle, DeskDialogs dialogs) {
        this.vm = vm;
        this.texts = texts;
        this.zone = zone;
        this.openArticle = openArticle;
        this.dialogs = dialogs;
        this.rejectDialog = new RejectDialog(this::window, texts);
        root = new SplitPane(queuePane(), conversationPane(), sidePane());
        root.setId("desk");
        root.setDividerPositions(0.21, 0.64);
        SplitPane.setResizableWithParent(root.getItems().get(0), false);
        ticker = new Timeline(new KeyFrame(javafx.util.Duration.seconds(15), e -> vm.tick()));
        ticker.setCycleCount(Timeline.INDEFINITE);
        ticker.play();
    }

    public Node node() {
        return root;
    }

    private javafx.stage.Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }

    public void dispose() {
        ticker.stop();
    }

    /**
     * Draws the desk's own lists, cards, banner and profile panel on sample data, in English and then in Chinese,
     * and puts back what the view model holds; call before the window's first frame, so none of it is painted.
     * The live scene's list cells, control skins and cached styles are then made here, not when the agent's first
     * conversation opens (see {@link DeskRehearsal}).
     */
    public void rehearseInPlace() {
        syncingSelection = true; // the sample queue entries are never selected
        try {
            for (boolean chinese : new boolean[] {false, true}) {
                List<Turn> sample = new ArrayList<>();
                for (int seq = 1; seq <= 9; seq++) {
                    sample.add(RehearsalSamples.turn(seq, chinese, seq));
                }
                turns.setAll(sample);
                queueList.setItems(FXCollections.observableList(List.of(RehearsalSamples.queued(1, true),
                        RehearsalSamples.queued(2, false), RehearsalSamples.queued(3, chinese))));
                renderSuggestions(RehearsalSamples.suggestions(chinese));
                renderArticles(List.of(RehearsalSamples.article(0, chinese, 0), RehearsalSamples.article(1, chinese, 1),
                        RehearsalSamples.article(2, chinese, 2)));
                customerPanel.show(Optional.of(RehearsalSamples.customer(chinese)),
                        List.of(RehearsalSamples.past(1, chinese), RehearsalSamples.past(2, !chinese)));
                showBanner(RehearsalSamples.sample(chinese, 2));
                busy.setVisible(true);
                root.applyCss();
                root.layout();
            }
        } finally {
            queueList.setItems(vm.queue());
            renderConversation();
            renderSuggestions(vm.suggestions());
            renderArticles(vm.articles());
            customerPanel.showModel();
            showBanner(escalationText());
            busy.setVisible(vm.suggestingProperty().get());
            syncingSelection = false;
        }
    }

    /** The desk's cells, cards and profile panel run out of sight on sample data ({@link DeskRehearsal}). */
    public DeskRehearsal rehearsal(List<String> stylesheets) {
        return new DeskRehearsal(TurnCell::new, QueueCell::new, texts, zone, stylesheets);
    }

    // --- queue ---------------------------------------------------------------------------------

    private Node queuePane() {
        Label title = paneTitle(texts.get("desk.queue"));
        Button newConversation = new Button(texts.get("desk.new"));
        newConversation.setId("newConversation");
        newConversation.setTooltip(new Tooltip(texts.get("desk.new.tip")));
        newConversation.setOnAction(e -> newConversation());
        newConversation.setMaxWidth(Double.MAX_VALUE);
        Button replay = new Button(texts.get("desk.replay"));
        replay.setId("replay");
        replay.setTooltip(new Tooltip(texts.get("desk.replay.tip")));
        replay.setOnAction(e -> replayTranscript());
        replay.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(newConversation, Priority.ALWAYS);
        HBox.setHgrow(replay, Priority.ALWAYS);
        HBox buttons = new HBox(6, newConversation, replay);

        queueList.setId("queue");
        queueList.setItems(vm.queue());
        queueList.setCellFactory(list -> {
            QueueCell cell = new QueueCell();
            queueCells.add(cell);
            return cell;
        });
        Label empty = new Label(texts.get("desk.queue.empty"));
        empty.getStyleClass().add(Css.EMPTY_STATE);
        empty.setWrapText(true);
        queueList.setPlaceholder(empty);
        queueList.getSelectionModel().selectedItemProperty().addListener((obs, old, item) -> {
            if (!syncingSelection && item != null) {
                vm.select(item.id());
            }
        });
        vm.queue().addListener((ListChangeListener<DeskViewModel.QueueItem>) c -> syncQueueSelection());
        vm.selectedProperty().addListener((obs, old, c) -> syncQueueSelection());
        // Only the waiting times follow the clock. refresh() built every queue cell anew, and the clock moves
        // on each queue reload, that is on every message.
        vm.nowProperty().addListener((obs, old, now) -> queueCells.forEach(QueueCell::showWaiting));
        VBox.setVgrow(queueList, Priority.ALWAYS);

        VBox pane = new VBox(8, title, buttons, queueList);
        pane.setPadding(new Insets(10));
        pane.setMinWidth(220);
        return pane;
    }

    private void syncQueueSelection() {
        Conversation selected = vm.selectedProperty().get();
        syncingSelection = true;
        try {
            if (selected == null) {
                queueList.getSelectionModel().clearSelection();
                return;
            }
            for (int i = 0; i < vm.queue().size(); i++) {
                if (vm.queue().get(i).id() == selected.id()) {
                    if (queueList.getSelectionModel().getSelectedIndex() != i) {
                        queueList.getSelectionModel().select(i);
                    }
                    return;
                }
            }
        } finally {
            syncingSelection = false;
        }
    }

    /** The queue's cells, for updating their waiting times in place; the list drops cells it no longer uses. */
    private final Set<QueueCell> queueCells = Collections.newSetFromMap(new WeakHashMap<>());

    private final class QueueCell extends ListCell<DeskViewModel.QueueItem> {
        private Label waiting;
        private Instant since;

        QueueCell() {
            setPrefWidth(0); // follow the list's width: long titles get an ellipsis, not a scroll bar
        }

        @Override
        protected void updateItem(DeskViewModel.QueueItem item, boolean empty) {
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
            box.getStyleClass().add(Css.QUEUE_CELL);
            setText(null);
            setGraphic(box);
        }

        void showWaiting() {
            if (waiting == null) {
                return;
            }
            Duration wait = Duration.between(since, vm.nowProperty().get());
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

    // --- conversation --------------------------------------------------------------------------

    private Node conversationPane() {
        Label title = paneTitle("");
        title.setId("conversationTitle");
        title.textProperty().bind(Bindings.createStringBinding(() -> {
            Conversation c = vm.selectedProperty().get();
            return c == null ? texts.get("desk.conversation") : c.title();
        }, vm.selectedProperty()));
        title.setMinWidth(0);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button close = new Button(texts.get("desk.close"));
        close.setId("closeConversation");
        close.setTooltip(new Tooltip(texts.get("desk.close.tip")));
        close.disableProperty().bind(vm.selectedProperty().isNull());
        close.setOnAction(e -> closeConversation());
        HBox header = new HBox(8, title, spacer, close);
        header.setAlignment(Pos.CENTER_LEFT);

        // Virtualised: only the turns in view have nodes, so a long conversation costs no more to lay out
        // and style than a short one (one VBox of every turn cost the FX thread up to 80 ms a message).
        conversationList.setId("conversation");
        conversationList.getStyleClass().add(Css.CONVERSATION_LIST);
        conversationList.setFocusTraversable(false); // Tab goes from the queue to the compose box, as before
        conversationList.setCellFactory(list -> new TurnCell());
        conversationList.setPlaceholder(conversationEmpty);
        VBox.setVgrow(conversationList, Priority.ALWAYS);
        vm.messages().addListener((ListChangeListener<Message>) c -> renderConversation());
        vm.selectedProperty().addListener((obs, old, c) -> renderConversation());
        vm.annotations().addListener((MapChangeListener<Integer, TurnAnnotation>) c -> renderConversation());
        renderConversation();

        escalationBanner.setId("escalationBanner");
        escalationBanner.getStyleClass().add(Css.ESCALATION_BANNER);
        escalationBanner.setWrapText(true);
        escalationBanner.setMaxWidth(Double.MAX_VALUE);
        escalationBanner.managedProperty().bind(escalationBanner.visibleProperty());
        // Set, not bound: the rehearsal shows a sample in it (rehearseInPlace).
        vm.escalations().addListener((javafx.beans.Observable o) -> showBanner(escalationText()));
        showBanner(escalationText());

        compose.setId("compose");
        compose.setWrapText(true);
        compose.setPrefRowCount(4);
        compose.setPromptText(texts.get("compose.prompt"));
        compose.textProperty().bindBidirectional(vm.composeProperty());
        compose.disableProperty().bind(vm.selectedProperty().isNull());
        compose.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (CUSTOMER_SAID.match(e)) {
                e.consume();
                customerSaid();
            } else if (SEND.match(e)) {
                e.consume();
                vm.send();
            }
        });

        Label error = new Label();
        error.setId("composeError");
        error.getStyleClass().add(Css.COMPOSE_ERROR);
        error.setWrapText(true);
        error.textProperty().bind(vm.composeErrorProperty());
        error.visibleProperty().bind(vm.composeErrorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());

        Label counter = new Label();
        counter.getStyleClass().addAll(Css.TEXT_MUTED, Css.TEXT_SMALL);
        counter.textProperty().bind(Bindings.createStringBinding(() -> {
            int n = compose.getLength();
            return n < 1000 ? "" : texts.format("compose.count", n);
        }, compose.textProperty()));

        Button customerSaid = new Button(texts.get("compose.customerSaid"));
        customerSaid.setId("customerSaid");
        customerSaid.setTooltip(new Tooltip(texts.get("compose.customerSaid.tip")));
        customerSaid.setOnAction(e -> customerSaid());
        customerSaid.disableProperty().bind(vm.selectedProperty().isNull());
        // A replayed customer speaks for themselves; phone and branch turns are typed in by the agent.
        customerSaid.visibleProperty().bind(Bindings.createBooleanBinding(() -> {
            Conversation c = vm.selectedProperty().get();
            return c != null && c.channel() != Channel.REPLAY;
        }, vm.selectedProperty()));
        customerSaid.managedProperty().bind(customerSaid.visibleProperty());
        Button send = new Button(texts.get("compose.send"));
        send.setId("send");
        send.getStyleClass().add(Css.ACCENT);
        send.setDefaultButton(false);
        send.setTooltip(new Tooltip(texts.get("compose.send.tip")));
        send.setOnAction(e -> vm.send());
        send.disableProperty().bind(vm.selectedProperty().isNull().or(vm.stateProperty().isEqualTo(DeskViewModel.State.SENDING)));
        Label hint = new Label(texts.get("compose.hint"));
        hint.getStyleClass().addAll(Css.TEXT_MUTED, Css.TEXT_SMALL);
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox actions = new HBox(8, hint, counter, grow, customerSaid, send);
        actions.setAlignment(Pos.CENTER_LEFT);

        VBox pane = new VBox(8, header, escalationBanner, conversationList, compose, error, actions);
        pane.setPadding(new Insets(10));
        pane.setMinWidth(360);
        return pane;
    }

    private String escalationText() {
        return vm.escalations().isEmpty() ? "" : texts.format("escalation.banner", vm.escalationBanner());
    }

    private void showBanner(String text) {
        escalationBanner.setText(text);
        escalationBanner.setVisible(!text.isEmpty());
    }

    private void customerSaid() {
        Conversation c = vm.selectedProperty().get();
        if (c != null && c.channel() != Channel.REPLAY) {
            vm.recordCustomerTurn();
        }
    }

    /** A turn as the conversation list shows it: the message and, for a customer turn, what was understood of it. */
    record Turn(Message message, TurnAnnotation annotation) {}

    /**
     * Brings the conversation list up to date. Only turns that changed are replaced (a new annotation
     * replaces its one turn), so the list redraws only those cells, and only if they are in view.
     */
    private void renderConversation() {
        if (vm.selectedProperty().get() == null || vm.messages().isEmpty()) {
            conversationEmpty.setText(texts.get(vm.selectedProperty().get() == null ? "desk.conversation.none" : "assist.waiting"));
            turns.clear();
            return;
        }
        List<Turn> now = new ArrayList<>(vm.messages().size());
        for (Message m : vm.messages()) {
            now.add(new Turn(m, m.fromCustomer() ? vm.annotations().get(m.seq()) : null));
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
        VirtualFlow<?> flow = conversationFlow();
        IndexedCell<?> last = flow == null ? null : flow.getLastVisibleCell();
        return last == null || last.getIndex() >= turns.size() - 1;
    }

    private VirtualFlow<?> turnFlow;

    private VirtualFlow<?> conversationFlow() {
        if (turnFlow == null && conversationList.lookup(".virtual-flow") instanceof VirtualFlow<?> found) {
            turnFlow = found; // the skin's, made once
        }
        return turnFlow;
    }

    private boolean scrollPending;

    /**
     * Scrolls to a newly added turn now, so that the layout pass builds the cells at the end, and (also when
     * a turn in view only grew) once that pass has measured them: heights are estimates until then.
     */
    private void scrollToNewest(boolean added) {
        if (added) {
            conversationList.scrollTo(turns.size() - 1);
        }
        Scene scene = conversationList.getScene();
        if (scene == null || scrollPending) {
            return;
        }
        scrollPending = true;
        scene.addPostLayoutPulseListener(new Runnable() {
            @Override
            public void run() {
                scene.removePostLayoutPulseListener(this);
                scrollPending = false;
                VirtualFlow<?> flow = conversationFlow();
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
        private final TurnView view = new TurnView(vm, dialogs, texts, zone, conversationList.widthProperty());

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
                view.show(item.message(), item.annotation());
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

    // --- side panel ----------------------------------------------------------------------------

    private Node sidePane() {
        busy.setPrefSize(16, 16);
        busy.setMaxSize(16, 16);
        busy.setVisible(vm.suggestingProperty().get());
        vm.suggestingProperty().addListener((obs, was, is) -> busy.setVisible(is)); // set, not bound: see rehearseInPlace
        Label repliesTitle = paneTitle(texts.get("assist.replies"));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox repliesHeader = new HBox(6, repliesTitle, spacer, busy);
        if (vm.canCurateReplies()) {
            javafx.scene.control.MenuItem curate = new javafx.scene.control.MenuItem(texts.get("allowlist.menu"));
            curate.setOnAction(e -> dialogs.allowlist(vm));
            javafx.scene.control.MenuButton menu = new javafx.scene.control.MenuButton("⋯", null, curate);
            menu.setId("assistMenu");
            menu.getStyleClass().addAll(Css.SMALL, Css.FLAT);
            repliesHeader.getChildren().add(menu);
        }
        repliesHeader.setAlignment(Pos.CENTER_LEFT);

        notice.setId("assistNotice");
        notice.getStyleClass().add(Css.EMPTY_STATE);
        notice.setWrapText(true);
        notice.textProperty().bind(vm.noticeProperty());
        notice.visibleProperty().bind(vm.noticeProperty().isNotEmpty());
        notice.managedProperty().bind(notice.visibleProperty());

        suggestionsBox.setId("suggestions");
        articlesBox.setId("articles");
        // One card per rank and per article shown, made (and styled) with the desk, not when the first
        // suggestions arrive: then they are only filled in.
        for (int rank = 1; rank <= AssistService.MAX_REPLIES; rank++) {
            SuggestionCard card = new SuggestionCard(rank, texts, this::insert,
                    r -> vm.suggestionAt(r).ifPresent(s -> rejectDialog.show(vm, s)));
            suggestionCards.add(card);
            suggestionsBox.getChildren().add(card.node());
        }
        for (int i = 0; i < AssistService.MAX_ARTICLES; i++) {
            ArticleCard card = new ArticleCard(texts, openArticle);
            articleCards.add(card);
            articlesBox.getChildren().add(card.node());
        }
        vm.suggestions().addListener((ListChangeListener<Suggestion>) c -> renderSuggestions(vm.suggestions()));
        vm.articles().addListener((ListChangeListener<ArticleHit>) c -> renderArticles(vm.articles()));
        Label articlesTitle = paneTitle(texts.get("assist.articles"));
        articlesTitle.visibleProperty().bind(Bindings.isNotEmpty(vm.articles()));
        articlesTitle.managedProperty().bind(articlesTitle.visibleProperty());

        VBox assist = new VBox(8, repliesHeader, notice, suggestionsBox, articlesTitle, articlesBox);
        assist.setPadding(new Insets(10));
        ScrollPane assistScroll = new ScrollPane(assist);
        assistScroll.setFitToWidth(true);
        assistScroll.setId("assist");

        Label customerTitle = paneTitle(texts.get("customer.title"));
        customerTitle.setPadding(new Insets(10, 10, 0, 10));
        customerPanel = new CustomerPanel(vm.customerPanel(), texts, zone, "customerPanel");
        VBox.setVgrow(customerPanel.node(), Priority.ALWAYS);
        VBox customerBox = new VBox(customerTitle, customerPanel.node());

        SplitPane side = new SplitPane(assistScroll, customerBox);
        side.setOrientation(Orientation.VERTICAL);
        side.setDividerPositions(0.7);
        side.setMinWidth(300);
        return side;
    }

    /** Fills the cards of the ranks shown and hides the rest (see {@link SuggestionCard}). */
    private void renderSuggestions(List<Suggestion> shown) {
        for (int i = 0; i < suggestionCards.size(); i++) {
            if (i < shown.size()) {
                Suggestion s = shown.get(i);
                suggestionCards.get(i).show(vm.suggestionText(s), vm.provenance(s), s.confidence());
            } else {
                suggestionCards.get(i).hide();
            }
        }
    }

    private void insert(int rank) {
        if (vm.insertSuggestion(rank)) {
            compose.requestFocus();
            compose.positionCaret(compose.getLength());
        }
    }

    /** Fills one card per article found and hides the rest (see {@link ArticleCard}). */
    private void renderArticles(List<ArticleHit> found) {
        for (int i = 0; i < articleCards.size(); i++) {
            if (i < found.size()) {
                articleCards.get(i).show(found.get(i));
            } else {
                articleCards.get(i).hide();
            }
        }
    }

    // --- commands ------------------------------------------------------------------------------

    /** Desk shortcuts while the desk tab is showing: Ctrl+1/2/3 insert, Ctrl+Shift+1/2/3 reject (with an optional reason). */
    public void handleShortcut(KeyEvent e) {
        for (int i = 0; i < DIGITS.length; i++) {
            if (new KeyCodeCombination(DIGITS[i], KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN).match(e)) {
                e.consume();
                vm.suggestionAt(i + 1).ifPresent(s -> rejectDialog.show(vm, s));
                return;
            }
            if (new KeyCodeCombination(DIGITS[i], KeyCombination.SHORTCUT_DOWN).match(e)) {
                insert(i + 1);
                e.consume();
                return;
            }
        }
    }

    public void newConversation() {
        dialogs.newConversation(vm);
    }

    public void replayTranscript() {
        dialogs.replay(vm);
    }

    public void closeConversation() {
        if (vm.selectedProperty().get() != null) {
            dialogs.closeConversation(vm);
        }
    }

    public void focusCompose() {
        compose.requestFocus();
    }

    private static Label paneTitle(String text) {
        Label l = new Label(text);
        l.getStyleClass().add(Css.PANE_TITLE);
        return l;
    }

    private static Label emptyState(String text) {
        Label l = new Label(text);
        l.getStyleClass().add(Css.EMPTY_STATE);
        l.setWrapText(true);
        return l;
    }
}
