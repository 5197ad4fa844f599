package app.tandem.customer;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The sample customers (with past conversations) that a fresh installation starts with. */
public final class SampleCustomers {

    private static final String RESOURCE = "/samples/customers.json";

    /** A past conversation of a sample customer. */
    public record PastConversation(LocalDateTime started, String channel, String summary, List<PastTurn> turns) {}

    public record PastTurn(String from, String text) {}

    /** A customer with their history. */
    public record Sample(Customer customer, List<PastConversation> history) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    private record Json(String id, String name, String segment, String language, String email, String phone,
                        LocalDate customerSince, List<String> products, List<Customer.Card> cards, String notes,
                        List<PastConversation> history) {}

    private SampleCustomers() {}

    public static List<Sample> bundled() {
        try (InputStream in = SampleCustomers.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return List.of();
            }
            ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule());
            Json[] rows = mapper.readValue(in, Json[].class);
            return Arrays.stream(rows).map(SampleCustomers::sample).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("The bundled sample customers cannot be read", e);
        }
    }

    private static Sample sample(Json j) {
        Customer customer = new Customer(j.id(), j.name(), j.segment(), j.language(), Optional.ofNullable(j.email()),
                Optional.ofNullable(j.phone()), Optional.ofNullable(j.customerSince()),
                j.products() == null ? List.of() : j.products(), j.cards() == null ? List.of() : j.cards(),
                j.notes() == null ? "" : j.notes());
        return new Sample(customer, j.history() == null ? List.of() : j.history());
    }
}
