package app.tandem.ui.desk;

import app.tandem.conversation.Channel;
import app.tandem.conversation.Conversation;
import app.tandem.ui.common.Css;
import app.tandem.ui.common.Texts;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * The reply box under the conversation: the text, its error line, and the Send / Customer said buttons with
 * their shortcuts (Ctrl+Enter, Ctrl+Shift+Enter).
 */
final class ComposeBox {

    static final KeyCombination SEND = new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN);
    static final KeyCombination CUSTOMER_SAID = new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN,
            KeyCombination.SHIFT_DOWN);

    private final ComposeViewModel vm;
    private final ReadOnlyObjectProperty<Conversation> selected;
    private final TextArea area = new TextArea();
    private final Label error = new Label();
    private final Label locked = new Label();
    private final HBox actions;

    ComposeBox(ComposeViewModel vm, ReadOnlyObjectProperty<Conversation> selected, HolderViewModel holder, Texts texts,
               NoticeTexts notices) {
        this.vm = vm;
        this.selected = selected;
        // Someone else has the conversation: the draft stays, but nothing can be sent from here.
        BooleanBinding closedToMe = selected.isNull().or(holder.holdProperty().isEqualTo(HolderViewModel.Hold.ELSEWHERE));
        area.setId("compose");
        area.setWrapText(true);
        area.setPrefRowCount(4);
        area.promptTextProperty().bind(Bindings.when(holder.holdProperty().isEqualTo(HolderViewModel.Hold.WAITING))
                .then(texts.get("compose.claimsIt")).otherwise(texts.get("compose.prompt")));
        area.textProperty().bindBidirectional(vm.textProperty());
        area.disableProperty().bind(closedToMe);
        locked.setId("composeLocked");
        locked.getStyleClass().add(Css.COMPOSE_ERROR);
        locked.setWrapText(true);
        locked.textProperty().bind(holder.whyProperty());
        locked.visibleProperty().bind(locked.textProperty().isNotEmpty());
        locked.managedProperty().bind(locked.visibleProperty());
        area.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (CUSTOMER_SAID.match(e)) {
                e.consume();
                customerSaid();
            } else if (SEND.match(e)) {
                e.consume();
                vm.send();
            }
        });

        error.setId("composeError");
        error.getStyleClass().add(Css.COMPOSE_ERROR);
        error.setWrapText(true);
        error.textProperty().bind(Bindings.createStringBinding(() -> notices.words(vm.errorProperty().get()), vm.errorProperty()));
        error.visibleProperty().bind(error.textProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());

        Label counter = new Label();
        counter.getStyleClass().addAll(Css.TEXT_MUTED, Css.TEXT_SMALL);
        counter.textProperty().bind(Bindings.createStringBinding(() -> {
            int n = area.getLength();
            return n < 1000 ? "" : texts.format("compose.count", n);
        }, area.textProperty()));

        Button customerSaid = new Button(texts.get("compose.customerSaid"));
        customerSaid.setId("customerSaid");
        customerSaid.setTooltip(new Tooltip(texts.get("compose.customerSaid.tip")));
        customerSaid.setOnAction(e -> customerSaid());
        customerSaid.disableProperty().bind(closedToMe);
        // A replayed customer speaks for themselves; phone and branch turns are typed in by the agent.
        customerSaid.visibleProperty().bind(Bindings.createBooleanBinding(() -> {
            Conversation c = selected.get();
            return c != null && c.channel() != Channel.REPLAY;
        }, selected));
        customerSaid.managedProperty().bind(customerSaid.visibleProperty());
        Button send = new Button(texts.get("compose.send"));
        send.setId("send");
        send.getStyleClass().add(Css.ACCENT);
        send.setDefaultButton(false);
        send.setTooltip(new Tooltip(texts.get("compose.send.tip")));
        send.setOnAction(e -> vm.send());
        send.disableProperty().bind(closedToMe.or(vm.stateProperty().isEqualTo(ComposeViewModel.State.SENDING)));
        Label hint = new Label(texts.get("compose.hint"));
        hint.getStyleClass().addAll(Css.TEXT_MUTED, Css.TEXT_SMALL);
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        actions = new HBox(8, hint, counter, grow, customerSaid, send);
        actions.setAlignment(Pos.CENTER_LEFT);
    }

    Node area() {
        return area;
    }

    Node error() {
        return error;
    }

    /** Why the box is locked (a colleague has the conversation), or nothing. */
    Node locked() {
        return locked;
    }

    Node actions() {
        return actions;
    }

    void focus() {
        area.requestFocus();
    }

    /** Focus in the box, the caret after what was just put in it (an inserted suggestion). */
    void focusAtEnd() {
        area.requestFocus();
        area.positionCaret(area.getLength());
    }

    private void customerSaid() {
        Conversation c = selected.get();
        if (c != null && c.channel() != Channel.REPLAY) {
            vm.recordCustomerTurn();
        }
    }
}
