package app.tandem.ui.desk;

import app.tandem.assist.escalation.TurnAnnotation;
import app.tandem.conversation.Attachment;
import app.tandem.conversation.Message;
import app.tandem.nlp.entities.Entity;
import app.tandem.nlp.sentiment.Sentiment;
import app.tandem.nlp.sentiment.SentimentResult;
import app.tandem.ui.common.Css;
import app.tandem.ui.common.Formats;
import app.tandem.ui.common.LazyTooltip;
import app.tandem.ui.common.Texts;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.io.ByteArrayInputStream;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableDoubleValue;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * One turn of the conversation as a bubble: who and when, what was said, and under a customer's turn
 * the understanding chips (sentiment, intent, entities), each of which opens a correction.
 *
 * <p>A list cell keeps one of these for its whole life and {@link #show shows} whichever turn it is given.
 * Only texts and pseudo-classes change, so the scene does not style a fresh set of nodes every time the
 * list re-assigns its cells or measures a turn (it does both on every new turn). Building a new bubble per
 * draw put CSS of new nodes in a quarter of the FX thread's pulse time.
 */
final class TurnView {

    private static final PseudoClass CUSTOMER = PseudoClass.getPseudoClass("customer");
    private static final List<PseudoClass> SENTIMENTS = List.of(Sentiment.values()).stream()
            .map(s -> PseudoClass.getPseudoClass(s.label())).toList();

    private final UnderstandingViewModel vm;
    private final DeskDialogs dialogs;
    private final Texts texts;
    private final ZoneId zone;

    private final HBox row;
    private final VBox bubble;
    private final Label meta = new Label();
    private final Label text = new Label();
    private final FlowPane chips = new FlowPane(4, 4);
    private final Label sentimentChip = chip(Css.CHIP_SENTIMENT);
    private final Label intentChip = chip(Css.CHIP_INTENT);
    private final List<Label> entityChips = new ArrayList<>();
    private final AttachmentViewModel attachments;
    /** A turn's image: its thumbnail (click: full size), how its text was read, and the agent's fix of it. */
    private final ImageView thumbnail = new ImageView();
    private final Label readInfo = new Label();
    private final Label corrected = new Label();
    private final Button correct = new Button();
    private final VBox imageBox;

    private Message message;
    private TurnAnnotation annotation;
    private Optional<Attachment> attachment = Optional.empty();

    TurnView(UnderstandingViewModel vm, AttachmentViewModel attachments, DeskDialogs dialogs, Texts texts, ZoneId zone,
             ObservableDoubleValue listWidth) {
        this.vm = vm;
        this.attachments = attachments;
        this.dialogs = dialogs;
        this.texts = texts;
        this.zone = zone;
        meta.getStyleClass().add(Css.TURN_META);
        text.setWrapText(true);
        text.setMinHeight(Region.USE_PREF_SIZE);
        chips.getChildren().addAll(sentimentChip, intentChip);
        thumbnail.setPreserveRatio(true);
        thumbnail.setFitHeight(120);
        thumbnail.setOnMouseClicked(e -> attachment.ifPresent(a -> attachments.open(a, dialogs::showImage)));
        LazyTooltip.install(thumbnail, () -> texts.get("turn.image.open"));
        readInfo.getStyleClass().add(Css.TEXT_SMALL);
        corrected.setWrapText(true);
        corrected.setMinHeight(Region.USE_PREF_SIZE);
        correct.setText(texts.get("turn.image.correct"));
        correct.getStyleClass().add(Css.TEXT_SMALL);
        correct.setOnAction(e -> attachment.ifPresent(a -> dialogs.correctReadText(thumbnail.getImage(),
                a.meaning().orElse("")).ifPresent(fixed -> attachments.correct(a, fixed))));
        imageBox = new VBox(3, thumbnail, readInfo, corrected, correct);
        bubble = new VBox(3, meta, text, imageBox, chips);
        bubble.getStyleClass().add(Css.BUBBLE);
        bubble.maxWidthProperty().bind(Bindings.multiply(listWidth, 0.74));
        bubble.setMinHeight(Region.USE_PREF_SIZE);
        row = new HBox(bubble);
        row.getStyleClass().add(Css.TURN);
        showChips(false);
        showImage(Optional.empty());

        LazyTooltip.install(sentimentChip, this::sentimentTip);
        // Menus and tooltips are popup windows: made when first wanted, not for every turn drawn.
        sentimentChip.setOnMouseClicked(e -> {
            Message m = message;
            ContextMenu menu = new ContextMenu();
            for (Sentiment option : Sentiment.values()) {
                MenuItem item = new MenuItem(texts.get("sentiment." + option.name()));
                item.setOnAction(x -> vm.correctSentiment(m, option));
                menu.getItems().add(item);
            }
            menu.show(sentimentChip, e.getScreenX(), e.getScreenY());
        });
        LazyTooltip.install(intentChip, this::intentTip);
        intentChip.setOnMouseClicked(e -> {
            Message m = message;
            dialogs.correctIntent(annotation.intent().map(i -> i.intent())).ifPresent(v -> vm.correctIntent(m, v));
        });
    }

    Node node() {
        return row;
    }

    /** Shows this turn; the same turn again changes nothing. */
    void show(Message m, TurnAnnotation a, Optional<Attachment> carried) {
        if (m.equals(message) && Objects.equals(a, annotation) && carried.equals(attachment)) {
            return;
        }
        message = m;
        annotation = a;
        showImage(carried);
        boolean customer = m.fromCustomer();
        String who = customer ? texts.get("turn.customer") : m.agent().orElse(texts.get("turn.agent"));
        String origin = switch (m.origin()) {
            case SUGGESTION_ACCEPTED -> " \u00b7 " + texts.get("turn.accepted");
            case SUGGESTION_EDITED -> " \u00b7 " + texts.get("turn.edited");
            default -> "";
        };
        meta.setText(who + " \u00b7 " + Formats.time(m.sentAt(), zone) + origin);
        text.setText(vm.displayText(m));
        bubble.pseudoClassStateChanged(CUSTOMER, customer);
        row.setAlignment(customer ? Pos.CENTER_LEFT : Pos.CENTER_RIGHT);
        chips.setId("chips" + m.seq());
        if (a == null) {
            showChips(false);
            return;
        }
        showChips(true);
        SentimentResult s = a.sentiment();
        sentimentChip.setText(texts.get("sentiment." + s.sentiment().name()));
        sentimentChip.setId("sentimentChip" + m.seq());
        for (Sentiment option : Sentiment.values()) {
            sentimentChip.pseudoClassStateChanged(SENTIMENTS.get(option.ordinal()), option == s.sentiment());
        }
        intentChip.setText(texts.intentName(a.intent().map(i -> i.intent()).orElse("")));
        intentChip.setId("intentChip" + m.seq());
        showEntities(a.entities());
    }

    private void showImage(Optional<Attachment> carried) {
        boolean changedImage = carried.map(Attachment::id).orElse(-1L) != attachment.map(Attachment::id).orElse(-1L);
        attachment = carried;
        imageBox.setVisible(carried.isPresent());
        imageBox.setManaged(carried.isPresent());
        if (carried.isEmpty()) {
            thumbnail.setImage(null);
            return;
        }
        Attachment a = carried.get();
        thumbnail.setId("turnImage" + a.messageSeq());
        readInfo.setId("readInfo" + a.messageSeq());
        corrected.setId("readCorrected" + a.messageSeq());
        correct.setId("correctRead" + a.messageSeq());
        if (changedImage) {
            // A thumbnail is at most 320 pixels (read from the database off this thread): decoding it here is quick.
            thumbnail.setImage(new Image(new ByteArrayInputStream(a.thumbnailPng())));
        }
        readInfo.setText(a.read().map(r -> texts.format("turn.image.read", r.confidence()))
                .orElse(texts.get("turn.image.unread")));
        corrected.setText(a.correction().map(c -> texts.format("turn.image.corrected", c.by(), c.text())).orElse(""));
        corrected.setVisible(a.correction().isPresent());
        corrected.setManaged(a.correction().isPresent());
    }

    private void showChips(boolean shown) {
        chips.setVisible(shown);
        chips.setManaged(shown);
    }

    /** Entity chips are kept too: one more is made only when a turn has more entities than any before it in this cell. */
    private void showEntities(List<Entity> entities) {
        while (entityChips.size() < entities.size()) {
            int index = entityChips.size();
            Label chip = chip(Css.CHIP_ENTITY);
            LazyTooltip.install(chip, () -> entityTip(index));
            chip.setOnMouseClicked(e -> {
                Message m = message;
                Entity entity = annotation.entities().get(index);
                String type = texts.get("entity." + entity.type().name());
                MenuItem remove = new MenuItem(texts.format("correct.entity.remove", type));
                remove.setOnAction(x -> vm.removeEntity(m, entity));
                new ContextMenu(remove).show(chip, e.getScreenX(), e.getScreenY());
            });
            entityChips.add(chip);
            chips.getChildren().add(chip);
        }
        for (int i = 0; i < entityChips.size(); i++) {
            Label chip = entityChips.get(i);
            boolean shown = i < entities.size();
            chip.setVisible(shown);
            chip.setManaged(shown);
            if (shown) {
                Entity entity = entities.get(i);
                chip.setText(texts.format("chip.entity", texts.get("entity." + entity.type().name()), vm.displayEntity(entity)));
            }
        }
    }

    private String sentimentTip() {
        SentimentResult s = annotation.sentiment();
        String how = (s.method() == SentimentResult.Method.CUES_ONLY ? texts.get("chip.cuesOnly") : "")
                + (s.cues().isEmpty() ? "" : String.join(", ", s.cues()) + ". ");
        return texts.format("chip.sentiment.tip", texts.get("sentiment." + s.sentiment().name()),
                Math.round(100 * s.confidence()), how);
    }

    private String intentTip() {
        return annotation.intent().map(i -> texts.format("chip.intent.tip",
                texts.format("chip.intent.origin." + i.origin().name(), i.detail(), Math.round(100 * i.confidence()))))
                .orElse(texts.intentName(""));
    }

    private String entityTip(int index) {
        Entity entity = annotation.entities().get(index);
        return texts.format("chip.entity.tip", texts.get("entity." + entity.type().name()), vm.displayEntity(entity));
    }

    private static Label chip(String style) {
        Label chip = new Label();
        chip.getStyleClass().addAll(Css.CHIP, style, Css.TEXT_SMALL);
        return chip;
    }
}
