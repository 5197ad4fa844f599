package app.tandem.assist;

import app.tandem.customer.Customer;
import java.util.Optional;

/** Who is talking: the conversation's customer and the agent's display name, for filling macros. */
public interface Profiles {

    Optional<Customer> customerOf(long conversationId);

    String agentName(String username);

    static Profiles none() {
        return new Profiles() {
            @Override
            public Optional<Customer> customerOf(long conversationId) {
                return Optional.empty();
            }

            @Override
            public String agentName(String username) {
                return username;
            }
        };
    }
}
