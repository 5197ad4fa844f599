package app.tandem.ui.desk;

import app.tandem.ui.common.Css;
import app.tandem.ui.common.Texts;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;

/**
 * The desk tab: the queue on the left ({@link QueuePane}), the live conversation and compose box in the middle
 * ({@link ConversationPane}, {@link ComposeBox}), the suggestions, articles and customer profile on the right
 * ({@link SuggestionPanel}). Builds nodes and binds; all decisions are the view models'.
 */
public final class DeskView {

    private static final KeyCode[] DIGITS = {KeyCode.DIGIT1, KeyCode.DIGIT2, KeyCode.DIGIT3};
    static final KeyCombination CLAIM = new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN);

    private final DeskViewModel vm;
    private final Texts texts;
    private final ZoneId zone;
    private final DeskDialogs dialogs;
    private final RejectDialog rejectDialog;
    private final QueuePane queue;
    private final ComposeBox compose;
    private final ConversationPane conversation;
    private final SuggestionPanel side;
    private final Timeline ticker;
    private final SplitPane root;

    public DeskView(DeskViewModel vm, Texts texts, ZoneId zone, Consumer<String> openArticle, DeskDialogs dialogs) {
        this.vm = vm;
        this.texts = texts;
        this.zone = zone;
        this.dialogs = dialogs;
        this.rejectDialog = new RejectDialog(this::window, texts);
        NoticeTexts notices = new NoticeTexts(texts);
        queue = new QueuePane(vm.queue(), vm.conversation(), vm::select, texts, this::newConversation, this::replayTranscript);
        compose = new ComposeBox(vm.compose(), vm.conversation().selectedProperty(), vm.holder(), texts, notices);
        conversation = new ConversationPane(vm.conversation(), vm.understanding(), vm.attachments(), vm.holder(), compose, dialogs, texts, zone,
                new ConversationPane.Actions(this::closeConversation, vm.holder()::claim, () -> dialogs.transfer(vm.passOn()),
                        () -> dialogs.release(vm.passOn()), () -> dialogs.handOff(vm.passOn())));
        Optional<Runnable> curate = vm.allowlist().canCurate() ? Optional.of(() -> dialogs.allowlist(vm.allowlist())) : Optional.empty();
        side = new SuggestionPanel(vm.suggestions(), vm.wording(), vm.customerPanel(), texts, notices, zone, openArticle,
                this::insert, this::reject, curate);
        root = new SplitPane(queue.node(), conversation.node(), side.node());
        root.setId("desk");
        root.setDividerPositions(0.21, 0.64);
        SplitPane.setResizableWithParent(root.getItems().get(0), false);
        ticker = new Timeline(new KeyFrame(javafx.util.Duration.seconds(15), e -> vm.queue().tick()));
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
        try {
            for (boolean chinese : new boolean[] {false, true}) {
                queue.showSample(chinese); // the sample queue entries are never selected
                conversation.showSample(chinese);
                side.showSample(chinese);
                root.applyCss();
                root.layout();
            }
        } finally {
            queue.showModel();
            conversation.showModel();
            side.showModel();
        }
    }

    /** The desk's cells, cards and profile panel run out of sight on sample data ({@link DeskRehearsal}). */
    public DeskRehearsal rehearsal(List<String> stylesheets) {
        return new DeskRehearsal(conversation::cell, queue::rehearsalCell, texts, zone, stylesheets);
    }

    private void insert(int rank) {
        if (vm.insertSuggestion(rank)) {
            compose.focusAtEnd();
        }
    }

    private void reject(int rank) {
        vm.suggestions().suggestionAt(rank).ifPresent(s -> rejectDialog.show(vm.suggestions(), s));
    }

    /**
     * Desk shortcuts while the desk tab is showing: Ctrl+1/2/3 insert, Ctrl+Shift+1/2/3 reject (with an optional
     * reason), Ctrl+Shift+C claims the waiting conversation on screen.
     */
    public void handleShortcut(KeyEvent e) {
        if (CLAIM.match(e)) {
            e.consume();
            vm.holder().claim();
            return;
        }
        for (int i = 0; i < DIGITS.length; i++) {
            if (new KeyCodeCombination(DIGITS[i], KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN).match(e)) {
                e.consume();
                reject(i + 1);
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
        dialogs.newConversation(vm.opening());
    }

    public void replayTranscript() {
        dialogs.replay(vm.opening());
    }

    public void closeConversation() {
        if (vm.conversation().selectedProperty().get() != null) {
            dialogs.closeConversation(vm.closing());
        }
    }

    public void focusCompose() {
        compose.focus();
    }

    static Label paneTitle(String text) {
        Label l = new Label(text);
        l.getStyleClass().add(Css.PANE_TITLE);
        return l;
    }

    static Label emptyState(String text) {
        Label l = new Label(text);
        l.getStyleClass().add(Css.EMPTY_STATE);
        l.setWrapText(true);
        return l;
    }
}
