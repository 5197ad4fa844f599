package app.tandem.assist.escalation;

import java.time.Instant;
import java.util.List;

/** Where agents' corrections are kept, for the training helper to read. */
public interface CorrectionRepository {

    Correction save(long conversationId, int messageSeq, Correction.Kind kind, String redactedText, String label,
                    String correctedBy, Instant at);

    /** Oldest first. */
    List<Correction> list(Correction.Kind kind);
}
