package app.tandem.ui.customers;

import app.tandem.conversation.Conversation;
import app.tandem.conversation.ConversationService;
import app.tandem.customer.Customer;
import app.tandem.customer.CustomerRepository;
import app.tandem.ui.common.TaskExecutor;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** One customer's profile and past conversations, as the desk and the Customers tab show them. */
public final class CustomerProfileViewModel {

    static final int HISTORY_LIMIT = 20;

    private final CustomerRepository customers;
    private final ConversationService conversations;
    private final TaskExecutor tasks;
    private final Executor io;

    private final ReadOnlyObjectWrapper<Optional<Customer>> customer = new ReadOnlyObjectWrapper<>(this, "customer", Optional.empty());
    private final ObservableList<Conversation> history = FXCollections.observableArrayList();
    private final ObservableList<Conversation> historyView = FXCollections.unmodifiableObservableList(history);
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private long generation;

    public CustomerProfileViewModel(CustomerRepository customers, ConversationService conversations, TaskExecutor tasks,
                                    Executor io) {
        this.customers = customers;
        this.conversations = conversations;
        this.tasks = tasks;
        this.io = io;
    }

    private record Loaded(Optional<Customer> customer, List<Conversation> history) {}

    /** Shows {@code customerId}'s profile and closed conversations; empty clears the panel. */
    public void show(Optional<String> customerId) {
        long mine = ++generation;
        if (customerId.isEmpty()) {
            customer.set(Optional.empty());
            history.clear();
            loading.set(false);
            return;
        }
        String id = customerId.get();
        loading.set(true);
        tasks.execute("customer", io, () -> new Loaded(customers.find(id),
                conversations.history(id, HISTORY_LIMIT).stream().filter(c -> !c.isOpen()).toList()), loaded -> {
                    if (mine != generation) {
                        return; // another customer was chosen meanwhile
                    }
                    customer.set(loaded.customer());
                    history.setAll(loaded.history());
                    loading.set(false);
                }, e -> loading.set(false));
    }

    public ReadOnlyObjectProperty<Optional<Customer>> customerProperty() {
        return customer.getReadOnlyProperty();
    }

    public ObservableList<Conversation> history() {
        return historyView;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }
}
