package app.tandem.store;

import app.tandem.customer.Customer;
import app.tandem.customer.CustomerRepository;
import java.sql.Connection;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

public final class JdbcCustomerRepository implements CustomerRepository {

    private final Jdbc jdbc;

    public JdbcCustomerRepository(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    @Override
    public void save(Customer c) {
        jdbc.inTransaction("save the customer", conn -> {
            Jdbc.upsert(conn, "customers", List.of("id"),
                    List.of("name", "segment", "language", "email", "phone", "customer_since", "products", "notes"),
                    c.id(), c.name(), c.segment(), c.language(), c.email().orElse(null), c.phone().orElse(null),
                    c.customerSince().map(Date::valueOf).orElse(null), String.join("\n", c.products()), c.notes());
            Jdbc.update(conn, "DELETE FROM customer_cards WHERE customer_id = ?", c.id());
            for (Customer.Card card : c.cards()) {
                Jdbc.update(conn, "INSERT INTO customer_cards (customer_id, card_type, last4, status) VALUES (?, ?, ?, ?)",
                        c.id(), card.type(), card.last4(), card.status());
            }
            return null;
        });
    }

    @Override
    public Optional<Customer> find(String id) {
        return jdbc.inConnection("read the customer", conn -> {
            List<Customer> found = Jdbc.query(conn, "SELECT * FROM customers WHERE id = ?", rs -> customer(conn, rs), id);
            return found.stream().findFirst();
        });
    }

    @Override
    public List<Customer> all() {
        return jdbc.inConnection("read customers",
                conn -> Jdbc.query(conn, "SELECT * FROM customers ORDER BY name", rs -> customer(conn, rs)));
    }

    @Override
    public List<Customer> search(String text, int limit) {
        String like = "%" + (text == null ? "" : text.strip().toLowerCase()).replace("%", "\\%").replace("_", "\\_") + "%";
        return jdbc.inConnection("search customers", conn -> Jdbc.query(conn,
                "SELECT * FROM customers WHERE LOWER(name) LIKE ? OR LOWER(id) LIKE ? OR LOWER(email) LIKE ? OR phone LIKE ? "
                        + "ORDER BY name LIMIT ?", rs -> customer(conn, rs), like, like, like, like, limit));
    }

    @Override
    public long count() {
        return jdbc.queryOne("SELECT COUNT(*) FROM customers", rs -> rs.getLong(1)).orElse(0L);
    }

    private static Customer customer(Connection conn, ResultSet rs) throws SQLException {
        String id = rs.getString("id");
        List<Customer.Card> cards = Jdbc.query(conn, "SELECT card_type, last4, status FROM customer_cards WHERE customer_id = ? ORDER BY last4",
                r -> new Customer.Card(r.getString(1), r.getString(2), r.getString(3)), id);
        String products = rs.getString("products");
        Date since = rs.getDate("customer_since");
        return new Customer(id, rs.getString("name"), rs.getString("segment"), rs.getString("language"),
                Optional.ofNullable(rs.getString("email")), Optional.ofNullable(rs.getString("phone")),
                Optional.ofNullable(since).map(Date::toLocalDate),
                products == null || products.isBlank() ? List.of() : new ArrayList<>(Arrays.asList(products.split("\n"))),
                cards, rs.getString("notes"));
    }
}
