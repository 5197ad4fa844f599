package app.tandem.ui.customers;

import app.tandem.customer.Customer;
import app.tandem.ui.common.Css;
import app.tandem.ui.common.EmptyStates;
import app.tandem.ui.common.Texts;
import java.time.ZoneId;
import java.util.Optional;
import javafx.animation.PauseTransition;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The Customers tab: search on the left, profile and history on the right. */
public final class CustomersView {

    private final SplitPane root;

    public CustomersView(CustomersViewModel vm, Texts texts, ZoneId zone) {
        TextField search = new TextField();
        search.setId("customerQuery");
        search.setPromptText(texts.get("customers.search"));
        search.textProperty().bindBidirectional(vm.queryProperty());
        PauseTransition debounce = new PauseTransition(javafx.util.Duration.millis(250));
        debounce.setOnFinished(e -> vm.search());
        search.textProperty().addListener((obs, old, t) -> debounce.playFromStart());
        ListView<Customer> list = new ListView<>(vm.results());
        list.setId("customerList");
        list.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(Customer c, boolean empty) {
                super.updateItem(c, empty);
                if (empty || c == null) {
                    setGraphic(null);
                    setText(null);
                    return;
                }
                Label name = new Label(c.name());
                name.getStyleClass().add(Css.TEXT_BOLD);
                Label meta = new Label(c.id() + " \u00b7 " + c.segment() + c.phone().map(p -> " \u00b7 " + p).orElse(""));
                meta.getStyleClass().addAll(Css.TEXT_MUTED, Css.TEXT_SMALL);
                setText(null);
                setGraphic(new VBox(2, name, meta));
            }
        });
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, c) -> vm.choose(Optional.ofNullable(c)));
        Label empty = EmptyStates.label("", "customerListPlaceholder");
        empty.textProperty().bind(Bindings.createStringBinding(() -> vm.emptyProperty().get() == null ? ""
                : texts.get(vm.emptyProperty().get() == CustomersViewModel.Empty.NOTHING_STORED ? "customers.empty" : "customers.noMatch"),
                vm.emptyProperty()));
        list.setPlaceholder(empty);
        VBox.setVgrow(list, Priority.ALWAYS);
        VBox left = new VBox(8, search, list);
        left.setPadding(new Insets(10));
        CustomerPanel profile = new CustomerPanel(vm.profile(), texts, zone, "customerProfile");
        root = new SplitPane(left, profile.node());
        root.setDividerPositions(0.34);
        root.setId("customers");
    }

    public Node node() {
        return root;
    }
}
