package app.tandem.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LateChangesTest {

    private final AtomicLong now = new AtomicLong();
    private final LateChanges late = new LateChanges(now::get);

    @Test
    void aChangeCommittedLateUnderALowerNumberIsStillApplied() {
        assertEquals(10, late.readFrom(10));
        // Seen: 12. Number 11 belongs to a transaction of another seat that has not committed yet.
        List<KbChange> first = List.of(new KbChange(12, "card-freeze-en"));
        late.applied(late.unapplied(first));

        now.addAndGet(Duration.ofSeconds(1).toNanos());
        long from = late.readFrom(12);
        assertEquals(10, from, "the window's oldest mark: 11 may still appear");
        List<KbChange> second = List.of(new KbChange(11, "mortgage-overpay-en"), new KbChange(12, "card-freeze-en"));
        assertEquals(List.of(new KbChange(11, "mortgage-overpay-en")), late.unapplied(second), "12 is not applied twice");
    }

    @Test
    void pastTheWindowOnlyNewChangesAreRead() {
        late.readFrom(10);
        late.applied(List.of(new KbChange(12, "card-freeze-en")));
        now.addAndGet(Duration.ofSeconds(1).toNanos());
        assertEquals(10, late.readFrom(12));
        now.addAndGet(LateChanges.WINDOW.plusSeconds(1).toNanos());
        assertEquals(12, late.readFrom(12));
    }
}
