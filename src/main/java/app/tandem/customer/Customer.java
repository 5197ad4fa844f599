package app.tandem.customer;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** A bank customer's profile as the agent sees it beside the conversation. */
public record Customer(
        String id,
        String name,
        String segment,
        String language,
        Optional<String> email,
        Optional<String> phone,
        Optional<LocalDate> customerSince,
        List<String> products,
        List<Card> cards,
        String notes) {

    /** The size of customers.id (V1__init.sql), which conversations.customer_id refers to. */
    public static final int MAX_ID_LENGTH = 32;

    public Customer {
        products = List.copyOf(products);
        cards = List.copyOf(cards);
    }

    /** The first word of the name, or the whole name for Chinese names written without spaces. */
    public String firstName() {
        int space = name.indexOf(' ');
        return space < 0 ? name : name.substring(0, space);
    }

    /** A payment card on the profile; only the last four digits are ever stored. */
    public record Card(String type, String last4, String status) {}
}
