package app.tandem.eval;

import java.util.List;
import java.util.Set;

/**
 * A recorded customer-service dialogue to replay: who said what, in order, and for the agent's
 * turns the dialogue acts they performed ("REQUEST(account_type)", "GOODBYE()") when the dataset
 * annotates them; the acts are what a suggested reply has to do to count as the reply that was sent.
 */
public record Dialogue(String id, String service, List<Turn> turns) {

    public Dialogue {
        turns = List.copyOf(turns);
    }

    /** One turn; {@code acts} is empty for customer turns and for datasets without act labels. */
    public record Turn(boolean fromAgent, String text, Set<String> acts) {
        public Turn {
            acts = Set.copyOf(acts);
        }
    }

    /** Agent turns that answer a customer turn: the ones the side panel would have suggested a reply for. */
    public long answeringTurns() {
        long n = 0;
        for (int i = 1; i < turns.size(); i++) {
            n += turns.get(i).fromAgent() && !turns.get(i - 1).fromAgent() ? 1 : 0;
        }
        return n;
    }
}
