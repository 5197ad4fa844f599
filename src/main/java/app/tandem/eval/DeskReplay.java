package app.tandem.eval;

import app.tandem.assist.Suggestion;
import app.tandem.assist.SuggestionRanker;
import app.tandem.conversation.Channel;
import app.tandem.conversation.Conversation;
import java.util.List;
import java.util.Optional;

/**
 * Plays a recorded dialogue into the desk turn by turn, as if it were happening: customer turns are
 * received, and at each agent turn that answers the customer the side panel's suggestions are asked
 * for (and logged as shown), the agent "chooses" one, and the reply really sent in the dialogue goes
 * out through the reply service, which records the choice as accepted/edited and the rest as ignored.
 */
final class DeskReplay {

    static final String AGENT = "replay";

    /** What the agent of the recording did with the suggestions shown before their reply. */
    @FunctionalInterface
    interface Agent {
        /** The suggestion they built their reply on, if any; {@code shown} may be empty (Tandem abstained). */
        Optional<Suggestion> choose(Dialogue.Turn real, List<Suggestion> shown);
    }

    private final ReplayDesk desk;

    DeskReplay(ReplayDesk desk) {
        this.desk = desk;
    }

    /** Stores the dialogue as history: what was said, with no suggestions asked for. */
    void store(Dialogue d) {
        Conversation c = desk.conversations().open(Optional.empty(), Channel.REPLAY, title(d));
        for (Dialogue.Turn t : d.turns()) {
            if (t.fromAgent()) {
                desk.replies().send(c.id(), t.text(), Optional.empty(), AGENT);
            } else {
                desk.conversations().receiveFromCustomer(c.id(), t.text());
            }
        }
    }

    /**
     * Replays the dialogue with suggestions ranked by {@code ranker}. The ranker is set again before each
     * turn: the desk's scheduled re-ranker training must not swap it in the middle of a measured pass.
     */
    void replay(Dialogue d, SuggestionRanker ranker, Agent agent, Runnable afterAgentTurn) {
        Conversation c = desk.conversations().open(Optional.empty(), Channel.REPLAY, title(d));
        boolean customerWaiting = false;
        for (Dialogue.Turn t : d.turns()) {
            if (!t.fromAgent()) {
                desk.conversations().receiveFromCustomer(c.id(), t.text());
                customerWaiting = true;
                continue;
            }
            Optional<Suggestion> used = Optional.empty();
            if (customerWaiting) {
                desk.assist().useRanker(ranker);
                List<Suggestion> shown = desk.assist().suggest(c.id(), desk.conversations().messages(c.id()), AGENT).replies();
                used = agent.choose(t, shown);
            }
            desk.replies().send(c.id(), t.text(), used, AGENT);
            if (customerWaiting) {
                afterAgentTurn.run();
            }
            customerWaiting = false;
        }
    }

    private static String title(Dialogue d) {
        return d.service() + " " + d.id();
    }
}
