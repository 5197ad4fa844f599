package app.tandem.ui.customers;

import app.tandem.conversation.Conversation;
import app.tandem.customer.Customer;
import app.tandem.ui.common.Css;
import app.tandem.ui.common.Formats;
import app.tandem.ui.common.Texts;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.VBox;

/** A customer's profile and past conversations, bound to a {@link CustomerProfileViewModel}. */
public final class CustomerPanel {

    private final CustomerProfileViewModel vm;
    private final Texts texts;
    private final ZoneId zone;
    private final VBox content = new VBox(6);
    private final ScrollPane root = new ScrollPane(content);
    private boolean rebuildPending;
    private Optional<Customer> shownCustomer;
    private List<Conversation> shownHistory = List.of();

    public CustomerPanel(CustomerProfileViewModel vm, Texts texts, ZoneId zone, String id) {
        this(vm, texts, zone);
        root.setId(id);
        vm.customerProperty().addListener((obs, old, c) -> rebuildSoon());
        vm.history().addListener((javafx.collections.ListChangeListener<Conversation>) change -> rebuildSoon());
        showModel();
    }

    /** A panel that shows only what it is {@link #show given} (the desk's off-screen rehearsal). */
    public CustomerPanel(Texts texts, ZoneId zone) {
        this(null, texts, zone);
    }

    private CustomerPanel(CustomerProfileViewModel vm, Texts texts, ZoneId zone) {
        this.vm = vm;
        this.texts = texts;
        this.zone = zone;
        root.setFitToWidth(true);
        root.getStyleClass().add(Css.PROFILE);
        content.setPadding(new Insets(10));
    }

    /**
     * A load sets the customer and then the history: two changes, one rebuild, made once both are in and only
     * if what the panel shows changed (another conversation of the same customer shows the same panel). It
     * rebuilt twice per conversation opened, a score of labels each time, in the pulse that opens it.
     */
    private void rebuildSoon() {
        if (!rebuildPending) {
            rebuildPending = true;
            Platform.runLater(() -> {
                rebuildPending = false;
                showModel();
            });
        }
    }

    public ScrollPane node() {
        return root;
    }

    /** Shows what the view model holds (again, after the desk's rehearsal showed a sample in it). */
    public void showModel() {
        show(vm.customerProperty().get(), List.copyOf(vm.history()));
    }

    /** Shows the customer and their past conversations; the same again changes nothing. */
    public void show(Optional<Customer> customer, List<Conversation> history) {
        if (customer.equals(shownCustomer) && history.equals(shownHistory)) {
            return;
        }
        shownCustomer = customer;
        shownHistory = history;
        content.getChildren().clear();
        if (customer.isEmpty()) {
            Label empty = new Label(texts.get("customer.none"));
            empty.getStyleClass().add(Css.EMPTY_STATE);
            empty.setWrapText(true);
            content.getChildren().add(empty);
            return;
        }
        Customer c = customer.get();
        Label name = new Label(c.name());
        name.setId("customerName");
        name.getStyleClass().addAll(Css.PROFILE_NAME, Css.TITLE_4);
        StringBuilder line = new StringBuilder(c.segment()).append(" \u00b7 ").append(c.language().toUpperCase())
                .append(" \u00b7 ").append(c.id());
        c.customerSince().ifPresent(d -> line.append(" \u00b7 ").append(texts.format("customer.since", String.valueOf(d.getYear()))));
        Label meta = muted(line.toString());
        content.getChildren().addAll(name, meta);
        c.phone().ifPresent(p -> content.getChildren().add(muted(p)));
        c.email().ifPresent(e -> content.getChildren().add(muted(e)));

        if (!c.products().isEmpty()) {
            content.getChildren().add(section(texts.get("customer.products")));
            c.products().forEach(p -> content.getChildren().add(wrapped("\u2022 " + p)));
        }
        if (!c.cards().isEmpty()) {
            content.getChildren().add(section(texts.get("customer.cards")));
            c.cards().forEach(card -> content.getChildren().add(wrapped(Formats.card(card))));
        }
        if (c.notes() != null && !c.notes().isBlank()) {
            content.getChildren().add(section(texts.get("customer.notes")));
            content.getChildren().add(wrapped(c.notes()));
        }
        content.getChildren().add(section(texts.get("customer.history")));
        if (history.isEmpty()) {
            content.getChildren().add(muted(texts.get("customer.noHistory")));
        }
        for (Conversation past : history) {
            VBox item = new VBox(2);
            item.getStyleClass().add(Css.HISTORY_ITEM);
            Label when = new Label(Formats.date(past.startedAt(), zone, texts) + " \u00b7 "
                    + texts.get("channel." + past.channel().name()));
            when.getStyleClass().addAll(Css.TEXT_SMALL, Css.TEXT_BOLD);
            Label summary = wrapped(past.summary().filter(s -> !s.isBlank()).orElse(past.title()));
            summary.getStyleClass().add(Css.TEXT_SMALL);
            item.getChildren().addAll(when, summary);
            content.getChildren().add(item);
        }
    }

    private static Label section(String text) {
        Label l = new Label(text);
        l.getStyleClass().add(Css.SECTION_LABEL);
        return l;
    }

    private static Label muted(String text) {
        Label l = new Label(text);
        l.getStyleClass().addAll(Css.TEXT_MUTED, Css.TEXT_SMALL);
        l.setWrapText(true);
        return l;
    }

    private static Label wrapped(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        return l;
    }
}
