package app.tandem.app.cli;

import app.tandem.app.DeskStarter;
import app.tandem.app.Tandem;
import app.tandem.assist.AssistService;
import app.tandem.channel.Transcript;
import app.tandem.channel.TranscriptReplay;
import app.tandem.conversation.Author;
import app.tandem.security.User;
import app.tandem.ui.DeskServices;
import app.tandem.ui.DeskSession;
import app.tandem.ui.UiSettings;
import app.tandem.ui.common.FrameWatch;
import app.tandem.ui.common.FxTaskExecutor;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.stage.Stage;

/**
 * The desk on screen while suggestions flow: customer turns are replayed into the conversation the
 * agent has open, each one refreshing the suggestions through the desk's own path (background work,
 * results posted to the FX thread), while {@link FrameWatch} times the FX thread.
 */
final class SuggestionFrames {

    private SuggestionFrames() {}

    /** Why the window cannot be shown here, if it cannot. */
    static Optional<String> unavailable() {
        boolean linux = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux");
        if (linux && System.getenv("DISPLAY") == null && !"monocle".equals(System.getProperty("glass.platform"))) {
            return Optional.of("no display (run under Xvfb, e.g. xvfb-run -a java -jar target/tandem.jar bench suggest)");
        }
        return Optional.empty();
    }

    /**
     * The desk idle first (nothing arriving): the floor this machine's rendering sets; then the session's first
     * conversation, short, where the FX thread meets every kind of work for the first time (classes to load, code
     * not yet compiled, cells and cards not yet styled); then the measured conversation, opened afresh, while
     * turns flow.
     */
    record Measured(long shownMillis, long inPlaceMillis, FrameWatch.Report opening, long rehearsalMillis, FrameWatch.Report idle, FrameWatch.Report first, FrameWatch.Report flowing) {}

    /** Turns in the session's first conversation. */
    static final int FIRST_TURNS = 8;

    static Measured measure(Tandem tandem, AssistService assist, List<String> customerTurns, Duration between)
            throws InterruptedException {
        DeskServices services = DeskStarter.services(tandem, assist);
        User agent = services.accounts().needsFirstAdmin()
                ? services.accounts().createFirstAdmin("bench", "Bench Agent", "bench-password".toCharArray())
                : services.accounts().users().get(0);
        CountDownLatch shown = new CountDownLatch(1);
        AtomicReference<DeskSession> session = new AtomicReference<>();
        AtomicReference<Stage> window = new AtomicReference<>();
        long[] showing = new long[2]; // ms: the window built and shown; of which the desk rehearsing in place
        Platform.startup(() -> {
            Stage stage = new Stage();
            DeskSession desk = new DeskSession(stage, services, new FxTaskExecutor(), UiSettings.defaults(Locale.ENGLISH),
                    Clock.systemDefaultZone(), () -> {});
            long started = System.nanoTime();
            desk.showMain(agent);
            showing[0] = (System.nanoTime() - started) / 1_000_000;
            showing[1] = desk.mainWindow().rehearsedInPlace().toMillis();
            session.set(desk);
            window.set(stage);
            shown.countDown();
        });
        shown.await(30, TimeUnit.SECONDS);
        // The desk runs its drawing code off screen once it opens (DeskRehearsal): start-up, as the first layout is.
        long rehearsing = System.nanoTime();
        FrameWatch openingWatch = FrameWatch.start(window.get().getScene());
        CountDownLatch rehearsed = new CountDownLatch(1);
        Platform.runLater(() -> {
            ReadOnlyBooleanProperty done = session.get().mainWindow().deskRehearsed();
            done.addListener((obs, was, is) -> rehearsed.countDown());
            if (done.get()) {
                rehearsed.countDown();
            }
        });
        rehearsed.await(60, TimeUnit.SECONDS);
        long rehearsalMillis = (System.nanoTime() - rehearsing) / 1_000_000;
        FrameWatch.Report opening = openingWatch.stop();
        Thread.sleep(1_000); // the first layout and CSS pass are start-up, not suggestions
        FrameWatch idleWatch = FrameWatch.start(window.get().getScene());
        Thread.sleep(5_000);
        FrameWatch.Report idle = idleWatch.stop();

        FrameWatch firstWatch = FrameWatch.start(window.get().getScene());
        play(tandem, session.get(), customerTurns.subList(0, Math.min(FIRST_TURNS, customerTurns.size())), between, "first", "C1002");
        FrameWatch.Report first = firstWatch.stop();

        FrameWatch watch = FrameWatch.start(window.get().getScene());
        play(tandem, session.get(), customerTurns, between, "bench", "C1001");
        FrameWatch.Report flowing = watch.stop();
        Platform.runLater(() -> {
            session.get().mainWindow().dispose();
            window.get().close();
        });
        Platform.exit();
        return new Measured(showing[0], showing[1], opening, rehearsalMillis, idle, first, flowing);
    }

    /**
     * Opens a new conversation with one of the sample customers (so the desk shows a real profile, as it
     * would) and plays the customer's turns into it, then waits for the last suggestions.
     */
    private static void play(Tandem tandem, DeskSession desk, List<String> customerTurns, Duration between, String title,
                             String customerId)
            throws InterruptedException {
        List<Transcript.Turn> turns = customerTurns.stream()
                .map(text -> new Transcript.Turn(Author.CUSTOMER, text, between)).toList();
        TranscriptReplay.Playback playback = tandem.replay.play(
                new Transcript(title, "Benchmark customer", tandem.customers.find(customerId).map(c -> c.id()), "en", "chat", turns), 1.0, false);
        long conversation = playback.conversation().id();
        Platform.runLater(() -> desk.mainWindow().deskViewModel().select(conversation));
        long deadline = System.nanoTime() + between.multipliedBy(turns.size() + 20).toNanos();
        while (!playback.finished() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        Thread.sleep(1_000); // the last turn's suggestions arrive and render
    }
}
