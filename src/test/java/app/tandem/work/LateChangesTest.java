package app.tandem.work;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LateChangesTest {

    /** A feed's row as the knowledge base or the conversation feed reads it: its number and what it touched. */
    private record Row(long seq, String what) {}

    private final AtomicLong now = new AtomicLong();
    private final LateChanges late = new LateChanges(now::get);

    @Test
    void aChangeCommittedLateUnderALowerNumberIsStillApplied() {
        assertEquals(10, late.readFrom(10));
        // Seen: 12. Number 11 belongs to a transaction of another seat that has not committed yet.
        List<Row> first = List.of(new Row(12, "card-freeze-en"));
        late.applied(late.unapplied(first, Row::seq), Row::seq);

        now.addAndGet(Duration.ofSeconds(1).toNanos());
        long from = late.readFrom(12);
        assertEquals(10, from, "the window's oldest mark: 11 may still appear");
        List<Row> second = List.of(new Row(11, "mortgage-overpay-en"), new Row(12, "card-freeze-en"));
        assertEquals(List.of(new Row(11, "mortgage-overpay-en")), late.unapplied(second, Row::seq), "12 is not applied twice");
    }

    @Test
    void pastTheWindowOnlyNewChangesAreRead() {
        late.readFrom(10);
        late.applied(List.of(new Row(12, "card-freeze-en")), Row::seq);
        now.addAndGet(Duration.ofSeconds(1).toNanos());
        assertEquals(10, late.readFrom(12));
        now.addAndGet(LateChanges.WINDOW.plusSeconds(1).toNanos());
        assertEquals(12, late.readFrom(12));
    }

    @Test
    void aStretchReadWithoutAHoleIsNotReadAgain() {
        late.readFrom(10);
        late.applied(List.of(new Row(11, "a"), new Row(12, "b")), Row::seq);
        now.addAndGet(Duration.ofMillis(500).toNanos());
        assertEquals(12, late.readFrom(12), "11 and 12 were both seen: nothing can arrive late below 12");

        late.applied(List.of(new Row(14, "d")), Row::seq);
        now.addAndGet(Duration.ofMillis(500).toNanos());
        assertEquals(12, late.readFrom(14), "13 is missing");
        late.applied(List.of(new Row(13, "c")), Row::seq);
        now.addAndGet(Duration.ofMillis(500).toNanos());
        assertEquals(14, late.readFrom(14), "13 came: the hole is closed");
    }
}
