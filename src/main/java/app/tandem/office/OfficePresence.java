package app.tandem.office;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The signed-in person's presence, said to the office every {@link #BEAT}, and their colleagues' as last said.
 * A seat that stops beating (crashed, unplugged, closed without signing out) drops out after {@link #FRESH},
 * so a transfer is not offered to someone who has gone.
 */
public final class OfficePresence {

    public static final Duration BEAT = Duration.ofSeconds(5);
    /** Three beats missed. */
    public static final Duration FRESH = BEAT.multipliedBy(3);

    private final PresenceRepository presence;
    private final String seat;
    private final Clock clock;
    private volatile String username;
    private volatile Presence state = Presence.AVAILABLE;

    public OfficePresence(PresenceRepository presence, String seat, Clock clock) {
        this.presence = presence;
        this.seat = seat;
        this.clock = clock;
    }

    /** {@code username} signed in at this seat: available until they say otherwise. */
    public void signedIn(String username) {
        this.username = Objects.requireNonNull(username);
        this.state = Presence.AVAILABLE;
        beat();
    }

    public void signedOut() {
        String leaving = username;
        username = null;
        if (leaving != null) {
            presence.leave(leaving, seat);
        }
    }

    /** The person says they are available, busy or away; the office hears it at once. */
    public void set(Presence state) {
        this.state = Objects.requireNonNull(state);
        beat();
    }

    public Presence state() {
        return state;
    }

    /** Says the person's presence again; called every {@link #BEAT} (and at once on a change). No one signed in: nothing. */
    public void beat() {
        String who = username;
        if (who != null) {
            presence.beat(who, state, seat, clock.instant());
        }
    }

    /** Everyone in the office, with the presence of those at a seat now. */
    public List<Colleague> colleagues() {
        return presence.colleagues(clock.instant().minus(FRESH));
    }
}
