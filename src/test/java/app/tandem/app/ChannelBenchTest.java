package app.tandem.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.tandem.Slow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A short channel bench run gives plausible figures (not a speed test): every turn and reply counted once. Slow: the scratch database's migrations and the server's start take most of its ~10 s. */
@Slow
class ChannelBenchTest {

    @Test
    void fiveSessionsForThreeSecondsCountEveryTurnAndReplyOnce() {
        List<String> stages = new ArrayList<>();
        ChannelRun run = ChannelBench.run(new ChannelBench.Options(5, Duration.ofMillis(500), Duration.ofSeconds(3)), stages::add);

        assertTrue(run.turnsStored() >= 25 && run.turnsStored() <= 35, "about 6 turns per session: " + run.turnsStored());
        assertEquals(0, run.turnsRefused() + run.turnErrors(), "no turn refused or failed");
        assertEquals(0, run.turnsLost() + run.turnsDoubled(), "every turn heard once at the desk");
        assertEquals(run.turnsStored(), run.toDesk().count());
        assertEquals(run.turnsStored(), run.repliesSent(), "the agent answered every turn");
        assertEquals(0, run.repliesLost() + run.repliesDoubled(), "every reply reached its page once");
        assertEquals(run.repliesSent(), run.toCustomer().count());
        assertTrue(run.toCustomer().percentile(0.5) > 0 && run.toCustomer().max() < Duration.ofSeconds(5).toNanos(),
                "replies arrive after they are sent and within the drain: " + run.toCustomer().max());
        assertTrue(run.heapPeakBytes() > 0 && run.cpuPercent() > 0, "CPU and heap were sampled");
        assertTrue(stages.get(0).startsWith("chat served on http://127.0.0.1:"), stages.get(0));
    }
}
