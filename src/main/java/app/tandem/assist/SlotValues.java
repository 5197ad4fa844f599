package app.tandem.assist;

import app.tandem.customer.Customer;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The values macros are filled with: the customer's profile, what the conversation said, the agent. */
final class SlotValues {

    private SlotValues() {}

    static Map<String, String> of(Optional<Customer> customer, Map<String, String> conversationSlots, String agentName) {
        Map<String, String> values = new HashMap<>();
        customer.ifPresent(c -> {
            values.put("customer.name", c.name());
            values.put("customer.firstName", c.firstName());
        });
        if (agentName != null && !agentName.isBlank()) {
            values.put("agent.name", agentName);
        }
        String mentioned = conversationSlots.get("card.last4");
        if (mentioned != null) {
            values.put("card.last4", mentioned);
            customer.flatMap(c -> c.cards().stream().filter(k -> k.last4().equals(mentioned)).findFirst())
                    .ifPresent(card -> values.put("card.type", card.type()));
        } else if (customer.isPresent() && customer.get().cards().size() == 1) {
            // With one card on the profile there is no doubt which card is meant; with several, the agent must ask.
            Customer.Card only = customer.get().cards().get(0);
            values.put("card.last4", only.last4());
            values.put("card.type", only.type());
        }
        conversationSlots.forEach(values::putIfAbsent);
        return values;
    }
}
