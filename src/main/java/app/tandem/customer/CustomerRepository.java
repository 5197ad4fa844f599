package app.tandem.customer;

import java.util.List;
import java.util.Optional;

/** Where customer profiles are kept. */
public interface CustomerRepository {

    void save(Customer customer);

    Optional<Customer> find(String id);

    List<Customer> all();

    /** Customers whose name, id, email or phone contains the text (case-insensitive), at most {@code limit}. */
    List<Customer> search(String text, int limit);

    long count();
}
