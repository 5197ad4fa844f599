package app.tandem.ui.customers;

import app.tandem.customer.Customer;
import app.tandem.customer.CustomerRepository;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Customer profiles in a list; {@code failing} makes every read throw, as a database that went away would. */
final class InMemoryCustomers implements CustomerRepository {

    final List<Customer> stored = new ArrayList<>();
    final List<Integer> searchLimits = new ArrayList<>();
    boolean failing;

    static Customer customer(String id, String name, String phone) {
        return new Customer(id, name, "retail", "en", Optional.empty(), Optional.of(phone), Optional.empty(), List.of(),
                List.of(), "");
    }

    InMemoryCustomers with(Customer... customers) {
        for (Customer c : customers) {
            save(c);
        }
        return this;
    }

    private void check() {
        if (failing) {
            throw new IllegalStateException("the database is closed");
        }
    }

    @Override
    public void save(Customer customer) {
        stored.removeIf(c -> c.id().equals(customer.id()));
        stored.add(customer);
    }

    @Override
    public Optional<Customer> find(String id) {
        check();
        return stored.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    @Override
    public List<Customer> all() {
        check();
        return List.copyOf(stored);
    }

    @Override
    public List<Customer> search(String text, int limit) {
        check();
        searchLimits.add(limit);
        String t = text.toLowerCase(Locale.ROOT);
        return stored.stream().filter(c -> c.name().toLowerCase(Locale.ROOT).contains(t) || c.id().toLowerCase(Locale.ROOT).contains(t)
                || c.phone().filter(p -> p.contains(t)).isPresent()).limit(limit).toList();
    }

    @Override
    public long count() {
        return stored.size();
    }
}
