package app.tandem.ui;

import app.tandem.assist.Suggestion;
import app.tandem.assist.escalation.Escalation;
import app.tandem.assist.escalation.TurnAnnotation;
import app.tandem.nlp.entities.Entity;
import app.tandem.nlp.sentiment.Sentiment;
import app.tandem.nlp.sentiment.SentimentResult;
import app.tandem.conversation.Channel;
import app.tandem.conversation.Conversation;
import app.tandem.conversation.Message;
import app.tandem.kb.ArticleHit;
import app.tandem.kb.Snippet;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.collections.MapChangeListener;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.layout.FlowPane;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

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
    private final VBox conversationBox = new VBox(10);
    private final ScrollPane conversationScroll = new ScrollPane(conversationBox);
    private final TextArea compose = new TextArea();
    private final VBox suggestionsBox = new VBox(8);
    private final VBox articlesBox = new VBox(8);
    private final Label notice = new Label();
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
        queueList.setCellFactory(list -> new QueueCell());
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
        vm.nowProperty().addListener((obs, old, now) -> queueList.refresh());
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

    private final class QueueCell extends ListCell<DeskViewModel.QueueItem> {
        QueueCell() {
            setPrefWidth(0); // follow the list's width: long titles get an ellipsis, not a scroll bar
        }

        @Override
        protected void updateItem(DeskViewModel.QueueItem item, boolean empty) {
            super.updateItem(item, empty);
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
            item.waitingSince().ifPresent(since -> {
                Duration wait = Duration.between(since, vm.nowProperty().get());
                Label waiting = new Label(Formats.waiting(wait, texts));
                waiting.setMinWidth(Region.USE_PREF_SIZE);
                waiting.getStyleClass().addAll(Css.WAITING, Css.TEXT_SMALL);
                if (wait.toMinutes() >= 2) {
                    waiting.getStyleClass().add(Css.WAITING_LONG);
                }
                waiting.setTooltip(new Tooltip(texts.get("desk.waiting.tip")));
                bottom.getChildren().add(waiting);
            });
            VBox box = new VBox(3, top, bottom);
            box.getStyleClass().add(Css.QUEUE_CELL);
            setText(null);
            setGraphic(box);
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

        conversationBox.setId("conversation");
        conversationBox.setPadding(new Insets(12));
        conversationScroll.setFitToWidth(true);
        conversationScroll.getStyleClass().add(Css.BG_SUBTLE);
        VBox.setVgrow(conversationScroll, Priority.ALWAYS);
        // Scroll to a new turn once the normal layout pass has measured it, rather than forcing a layout.
        conversationBox.heightProperty().addListener((obs, old, height) -> {
            if (followNewTurn) {
                followNewTurn = false;
                conversationScroll.setVvalue(1.0);
            }
        });
        vm.messages().addListener((ListChangeListener<Message>) c -> renderConversation());
        vm.selectedProperty().addListener((obs, old, c) -> renderConversation());
        vm.annotations().addListener((MapChangeListener<Integer, TurnAnnotation>) c -> renderConversation());
        renderConversation();

        Label banner = new Label();
        banner.setId("escalationBanner");
        banner.getStyleClass().add(Css.ESCALATION_BANNER);
        banner.setWrapText(true);
        banner.setMaxWidth(Double.MAX_VALUE);
        banner.textProperty().bind(Bindings.createStringBinding(
                () -> vm.escalations().isEmpty() ? "" : texts.format("escalation.banner", vm.escalationBanner()), vm.escalations()));
        banner.visibleProperty().bind(Bindings.isNotEmpty(vm.escalations()));
        banner.managedProperty().bind(banner.visibleProperty());

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

        VBox pane = new VBox(8, header, banner, conversationScroll, compose, error, actions);
        pane.setPadding(new Insets(10));
        pane.setMinWidth(360);
        return pane;
    }

    private void customerSaid() {
        Conversation c = vm.selectedProperty().get();
        if (c != null && c.channel() != Channel.REPLAY) {
            vm.recordCustomerTurn();
        }
    }

    /** A turn on screen with what it was drawn from, so that only turns that changed are drawn again. */
    private record DrawnTurn(Message message, TurnAnnotation annotation, Node node) {}

    private Map<Long, DrawnTurn> drawn = new HashMap<>();
    private boolean followNewTurn;

    /**
     * Brings the conversation on screen up to date. Turns are drawn once and kept: redrawing every
     * turn (chips, tooltips, CSS) on each new message or annotation took the FX thread 100-300 ms on a
     * long conversation (bench suggest's worst frame).
     */
    private void renderConversation() {
        if (vm.selectedProperty().get() == null || vm.messages().isEmpty()) {
            drawn = new HashMap<>();
            conversationBox.getChildren().setAll(emptyState(texts.get(vm.selectedProperty().get() == null
                    ? "desk.conversation.none" : "assist.waiting")));
            return;
        }
        Map<Long, DrawnTurn> now = new HashMap<>();
        List<Node> nodes = new ArrayList<>(vm.messages().size());
        for (Message m : vm.messages()) {
            TurnAnnotation annotation = m.fromCustomer() ? vm.annotations().get(m.seq()) : null;
            DrawnTurn turn = drawn.get(m.id());
            if (turn == null || !turn.message().equals(m) || turn.annotation() != annotation) {
                turn = new DrawnTurn(m, annotation, turn(m));
            }
            now.put(m.id(), turn);
            nodes.add(turn.node());
        }
        drawn = now;
        javafx.collections.ObservableList<Node> shown = conversationBox.getChildren();
        int same = 0;
        while (same < shown.size() && same < nodes.size() && shown.get(same) == nodes.get(same)) {
            same++;
        }
        boolean appended = nodes.size() > shown.size() && same == shown.size();
        // Only the changed tail leaves and re-enters the scene graph (and pays for CSS again).
        shown.remove(same, shown.size());
        shown.addAll(nodes.subList(same, nodes.size()));
        if (appended) {
            followNewTurn = true; // scrolled when the next layout pass has measured the new turn
        }
    }

    private Node turn(Message m) {
        boolean customer = m.fromCustomer();
        String who = customer ? texts.get("turn.customer") : m.agent().orElse(texts.get("turn.agent"));
        String origin = switch (m.origin()) {
            case SUGGESTION_ACCEPTED -> " \u00b7 " + texts.get("turn.accepted");
            case SUGGESTION_EDITED -> " \u00b7 " + texts.get("turn.edited");
            default -> "";
        };
        Label meta = new Label(who + " \u00b7 " + Formats.time(m.sentAt(), zone) + origin);
        meta.getStyleClass().add(Css.TURN_META);
        Label text = new Label(vm.displayText(m));
        text.setWrapText(true);
        text.setMinHeight(Region.USE_PREF_SIZE);
        VBox bubble = new VBox(3, meta, text);
        TurnAnnotation annotation = customer ? vm.annotations().get(m.seq()) : null;
        if (annotation != null) {
            bubble.getChildren().add(chips(m, annotation));
        }
        bubble.getStyleClass().addAll(Css.BUBBLE, customer ? Css.TURN_CUSTOMER : Css.TURN_AGENT);
        bubble.maxWidthProperty().bind(conversationScroll.widthProperty().multiply(0.74));
        bubble.setMinHeight(Region.USE_PREF_SIZE);
        HBox row = new HBox(bubble);
        row.getStyleClass().add(Css.TURN);
        row.setAlignment(customer ? Pos.CENTER_LEFT : Pos.CENTER_RIGHT);
        return row;
    }

    /** Small chips under a customer turn: sentiment, intent, entities; each opens a correction menu. */
    private Node chips(Message m, TurnAnnotation a) {
        FlowPane chips = new FlowPane(4, 4);
        chips.setId("chips" + m.seq());
        SentimentResult s = a.sentiment();
        Label sentiment = chip(texts.get("sentiment." + s.sentiment().name()), Css.CHIP_SENTIMENT + "-" + s.sentiment().label());
        sentiment.setId("sentimentChip" + m.seq());
        String how = (s.method() == SentimentResult.Method.CUES_ONLY ? texts.get("chip.cuesOnly") : "")
                + (s.cues().isEmpty() ? "" : String.join(", ", s.cues()) + ". ");
        sentiment.setTooltip(new Tooltip(texts.format("chip.sentiment.tip", texts.get("sentiment." + s.sentiment().name()),
                Math.round(100 * s.confidence()), how)));
        ContextMenu sentimentMenu = new ContextMenu();
        for (Sentiment option : Sentiment.values()) {
            MenuItem item = new MenuItem(texts.get("sentiment." + option.name()));
            item.setOnAction(e -> vm.correctSentiment(m, option));
            sentimentMenu.getItems().add(item);
        }
        sentiment.setOnMouseClicked(e -> sentimentMenu.show(sentiment, e.getScreenX(), e.getScreenY()));
        chips.getChildren().add(sentiment);

        Label intent = chip(texts.intentName(a.intent().map(i -> i.intent()).orElse("")), Css.CHIP_INTENT);
        intent.setId("intentChip" + m.seq());
        a.intent().ifPresent(i -> intent.setTooltip(new Tooltip(texts.format("chip.intent.tip",
                texts.format("chip.intent.origin." + i.origin().name(), i.detail(), Math.round(100 * i.confidence()))))));
        intent.setOnMouseClicked(e -> dialogs.correctIntent(a.intent().map(i -> i.intent())).ifPresent(v -> vm.correctIntent(m, v)));
        chips.getChildren().add(intent);

        for (Entity entity : a.entities()) {
            String type = texts.get("entity." + entity.type().name());
            Label chip = chip(texts.format("chip.entity", type, vm.displayEntity(entity)), Css.CHIP_ENTITY);
            chip.setTooltip(new Tooltip(texts.format("chip.entity.tip", type, vm.displayEntity(entity))));
            MenuItem remove = new MenuItem(texts.format("correct.entity.remove", type));
            remove.setOnAction(e -> vm.removeEntity(m, entity));
            ContextMenu menu = new ContextMenu(remove);
            chip.setOnMouseClicked(e -> menu.show(chip, e.getScreenX(), e.getScreenY()));
            chips.getChildren().add(chip);
        }
        return chips;
    }

    private static Label chip(String text, String style) {
        Label chip = new Label(text);
        chip.getStyleClass().addAll(Css.CHIP, style, Css.TEXT_SMALL);
        return chip;
    }

    // --- side panel ----------------------------------------------------------------------------

    private Node sidePane() {
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(16, 16);
        busy.setMaxSize(16, 16);
        busy.visibleProperty().bind(vm.suggestingProperty());
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
        vm.suggestions().addListener((ListChangeListener<Suggestion>) c -> renderSuggestions());
        vm.articles().addListener((ListChangeListener<ArticleHit>) c -> renderArticles());
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
        CustomerPanel customer = new CustomerPanel(vm.customerPanel(), texts, zone, "customerPanel");
        VBox.setVgrow(customer.node(), Priority.ALWAYS);
        VBox customerBox = new VBox(customerTitle, customer.node());

        SplitPane side = new SplitPane(assistScroll, customerBox);
        side.setOrientation(Orientation.VERTICAL);
        side.setDividerPositions(0.7);
        side.setMinWidth(300);
        return side;
    }

    private void renderSuggestions() {
        suggestionsBox.getChildren().clear();
        int rank = 1;
        for (Suggestion s : vm.suggestions()) {
            suggestionsBox.getChildren().add(suggestionCard(s, rank++));
        }
    }

    private Node suggestionCard(Suggestion s, int shownRank) {
        Label rank = new Label(String.valueOf(shownRank));
        rank.getStyleClass().add(Css.SUGGESTION_RANK);
        rank.setMinWidth(Region.USE_PREF_SIZE);
        Label text = new Label(vm.suggestionText(s));
        text.setWrapText(true);
        text.setMinHeight(Region.USE_PREF_SIZE);
        text.setMinWidth(0);
        HBox.setHgrow(text, Priority.ALWAYS);
        text.setMaxWidth(Double.MAX_VALUE);
        HBox top = new HBox(8, rank, text);

        ProgressBar confidence = new ProgressBar(s.confidence());
        confidence.getStyleClass().addAll(Css.CONFIDENCE, Css.SMALL);
        confidence.setPrefWidth(70);
        Label percent = new Label(String.format(Locale.ROOT, "%d%%", Math.round(s.confidence() * 100)));
        percent.getStyleClass().addAll(Css.TEXT_MUTED, Css.TEXT_SMALL);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        int index = vm.suggestions().indexOf(s) + 1;
        Button insert = new Button(texts.get("assist.insert"));
        insert.getStyleClass().addAll(Css.SMALL, Css.FLAT, Css.ACCENT);
        insert.setTooltip(new Tooltip(texts.format("assist.insert.tip", index)));
        insert.setOnAction(e -> insert(index));
        Button reject = new Button("\u2715");
        reject.getStyleClass().addAll(Css.SMALL, Css.FLAT);
        reject.setTooltip(new Tooltip(texts.format("assist.reject.tip", index)));
        reject.setId("reject" + shownRank);
        reject.setOnAction(e -> rejectDialog.show(vm, s));
        HBox bottom = new HBox(6, confidence, percent, spacer, insert, reject);
        bottom.setAlignment(Pos.CENTER_LEFT);

        Label why = new Label(vm.provenance(s));
        why.getStyleClass().addAll(Css.SUGGESTION_WHY, Css.TEXT_SMALL);
        why.setWrapText(true);
        why.setMinHeight(Region.USE_PREF_SIZE);

        VBox card = new VBox(6, top, why, bottom);
        java.util.List<String> gaps = app.tandem.assist.Placeholders.unfilled(text.getText());
        if (!gaps.isEmpty()) {
            // A macro variable without a value: the gap is marked in the text, and named here in the error colour.
            Label fill = new Label(texts.format("assist.fillIn", String.join(", ", gaps.stream().distinct().toList())));
            fill.getStyleClass().addAll(Css.COMPOSE_ERROR, Css.TEXT_SMALL);
            fill.setWrapText(true);
            fill.setId("suggestionGaps" + shownRank);
            card.getChildren().add(1, fill);
        }
        card.getStyleClass().add(Css.CARD);
        card.setId("suggestion" + shownRank);
        Tooltip.install(card, new Tooltip(why.getText()));
        card.setOnMouseClicked(e -> {
            if (e.getClickCount() == 1 && e.getTarget() instanceof Node n && !(isInside(n, insert) || isInside(n, reject))) {
                insert(index);
            }
        });
        return card;
    }

    private static boolean isInside(Node n, Node container) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (p == container) {
                return true;
            }
        }
        return false;
    }

    private void insert(int rank) {
        if (vm.insertSuggestion(rank)) {
            compose.requestFocus();
            compose.positionCaret(compose.getLength());
        }
    }

    private void renderArticles() {
        articlesBox.getChildren().clear();
        for (ArticleHit hit : vm.articles()) {
            articlesBox.getChildren().add(articleCard(hit));
        }
    }

    private Node articleCard(ArticleHit hit) {
        Hyperlink title = new Hyperlink(hit.title());
        title.getStyleClass().add(Css.TEXT_BOLD);
        title.setWrapText(true);
        title.setMinHeight(Region.USE_PREF_SIZE);
        title.setPadding(Insets.EMPTY);
        title.setOnAction(e -> openArticle.accept(hit.articleId()));
        title.setTooltip(new Tooltip(texts.get("assist.open.tip")));
        TextFlow snippet = snippet(hit.snippet());
        Label meta = new Label(hit.language().toUpperCase(Locale.ROOT) + " \u00b7 v" + hit.version() + " \u00b7 " + hit.articleId());
        meta.getStyleClass().addAll(Css.TEXT_MUTED, Css.TEXT_SMALL);
        VBox card = new VBox(4, title, snippet, meta);
        card.getStyleClass().add(Css.CARD);
        return card;
    }

    /** The passage with the words that matched the customer's message in bold accent colour. */
    static TextFlow snippet(Snippet snippet) {
        TextFlow flow = new TextFlow();
        flow.getStyleClass().add(Css.SNIPPET);
        for (Snippet.Run run : snippet.runs()) {
            Text t = new Text(run.text());
            t.getStyleClass().add(Css.MD_TEXT);
            if (run.matched()) {
                t.getStyleClass().add(Css.SNIPPET_MATCH);
            }
            flow.getChildren().add(t);
        }
        return flow;
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
