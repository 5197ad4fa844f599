package app.tandem.app;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether this seat's office server answers, as the last round trip to it found (issue 17): the follower asks the
 * server every second anyway, so its tick is the probe. The state changes at the first round trip that fails or
 * succeeds, so the status bar says so at once; the log has one line per change, not one per second.
 * A solo desk's link is always {@link State#REACHABLE}.
 */
public final class OfficeLink {

    private static final Logger log = LoggerFactory.getLogger(OfficeLink.class);

    public enum State { REACHABLE, UNREACHABLE }

    private volatile State state = State.REACHABLE;
    private final List<Consumer<State>> listeners = new CopyOnWriteArrayList<>();

    public State state() {
        return state;
    }

    public boolean answering() {
        return state == State.REACHABLE;
    }

    /** Hears each change, on the thread that found it. */
    public void addListener(Consumer<State> listener) {
        listeners.add(listener);
    }

    /** A round trip to the server came back. */
    void answered() {
        if (change(State.REACHABLE)) {
            log.info("The office server answers again; this seat reads and writes the office's data");
        }
    }

    /** A round trip to the server failed: why, for the log. */
    void failed(String why) {
        if (change(State.UNREACHABLE)) {
            log.warn("The office server is not answering; this seat refuses writes until it does: {}", why);
        }
    }

    private synchronized boolean change(State now) {
        if (state == now) {
            return false;
        }
        state = now;
        listeners.forEach(l -> l.accept(now));
        return true;
    }
}
