package app.tandem.ui.customers;

import app.tandem.conversation.ConversationService;
import app.tandem.customer.Customer;
import app.tandem.customer.CustomerRepository;
import app.tandem.ui.common.TaskExecutor;
import app.tandem.ui.common.Texts;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The Customers tab: a searchable list and the chosen customer's profile and history. */
public final class CustomersViewModel {

    /** Why the list shows nothing, so its placeholder can say what would fill it. */
    public enum Empty { NOTHING_STORED, NOTHING_MATCHES }

    static final int SEARCH_LIMIT = 100;

    private final CustomerRepository customers;
    private final TaskExecutor tasks;
    private final Executor io;
    private final Texts texts;
    private final CustomerProfileViewModel profile;
    private final StringProperty query = new SimpleStringProperty(this, "query", "");
    private final ObservableList<Customer> results = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Empty> empty = new ReadOnlyObjectWrapper<>(this, "empty");
    private long generation;

    public CustomersViewModel(CustomerRepository customers, ConversationService conversations, TaskExecutor tasks,
                              Executor io, Texts texts) {
        this.customers = customers;
        this.tasks = tasks;
        this.io = io;
        this.texts = texts;
        this.profile = new CustomerProfileViewModel(customers, conversations, tasks, io);
    }

    public void search() {
        long mine = ++generation;
        String q = query.get() == null ? "" : query.get().strip();
        tasks.execute(texts.get("activity.searching"), io,
                () -> q.isEmpty() ? customers.all() : customers.search(q, SEARCH_LIMIT), (List<Customer> found) -> {
                    if (mine == generation) {
                        results.setAll(found);
                        empty.set(q.isEmpty() ? Empty.NOTHING_STORED : Empty.NOTHING_MATCHES);
                    }
                }, e -> results.clear());
    }

    public void choose(Optional<Customer> customer) {
        profile.show(customer.map(Customer::id));
    }

    public StringProperty queryProperty() {
        return query;
    }

    public ObservableList<Customer> results() {
        return results;
    }

    /** Why {@link #results()} is empty (no profiles at all, or none matches the query); null before the first search. */
    public ReadOnlyObjectProperty<Empty> emptyProperty() {
        return empty.getReadOnlyProperty();
    }

    public CustomerProfileViewModel profile() {
        return profile;
    }
}
