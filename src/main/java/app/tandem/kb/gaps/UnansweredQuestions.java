package app.tandem.kb.gaps;

import java.time.Instant;
import java.util.List;

/** Reads the customer turns that the suggestions did not answer well, from the conversation log. */
public interface UnansweredQuestions {

    /**
     * Customer turns since {@code since}, newest first, with no suggestion of at least
     * {@code minConfidence} that the agent did not reject or ignore. Only the last turn of a run of
     * customer turns counts (suggestions answer the run as a whole).
     */
    List<CustomerQuestion> since(Instant since, double minConfidence, int limit);
}
