package app.tandem.assist;

import java.util.Set;

/**
 * Which customer turns an agent corrected the intent of. Turn understanding (in assist.escalation, which
 * builds on this package) keeps the corrections and answers this, so the learners here need nothing from it.
 */
public interface IntentCorrections {

    /** The message numbers of the conversation's turns whose intent an agent corrected. */
    Set<Integer> correctedIntentTurns(long conversationId);
}
