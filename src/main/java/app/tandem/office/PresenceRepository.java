package app.tandem.office;

import java.time.Instant;
import java.util.List;

/** Where seats say who is at them (the {@code presence} table: one row per person, rewritten every few seconds). */
public interface PresenceRepository {

    /** {@code username} is at {@code seat} with {@code presence}, as of {@code at}. */
    void beat(String username, Presence presence, String seat, Instant at);

    /** {@code username} signed out at {@code seat}; a newer beat from another seat of theirs is kept. */
    void leave(String username, String seat);

    /**
     * Every person of the office (users), with their presence when a seat of theirs beat after {@code freshSince}.
     * Ordered by display name.
     */
    List<Colleague> colleagues(Instant freshSince);
}
