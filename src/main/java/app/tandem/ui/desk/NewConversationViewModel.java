package app.tandem.ui.desk;

import app.tandem.channel.Transcript;
import app.tandem.channel.TranscriptLibrary;
import app.tandem.channel.TranscriptReplay;
import app.tandem.conversation.Channel;
import app.tandem.conversation.Conversation;
import app.tandem.conversation.ConversationService;
import app.tandem.customer.Customer;
import app.tandem.customer.CustomerRepository;
import app.tandem.ui.common.TaskExecutor;
import app.tandem.ui.common.Texts;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Starting a conversation: one the agent records by hand (phone, branch, chat) for a customer they look up, or a
 * transcript replayed as a live customer. Replays stop when their conversation closes or the desk goes.
 */
public final class NewConversationViewModel {

    /** What starting a conversation needs; all of it may block. */
    public interface Openings {
        Conversation open(Optional<String> customerId, Channel channel, String title);

        TranscriptReplay.Playback replay(Transcript transcript, double speed);

        /** Customers whose name, id, email or phone contains {@code text}; every customer for an empty text. */
        List<Customer> customers(String text);

        /** {@code agent} holds what they open (a customer at the counter is theirs); a replayed customer waits in the queue. */
        static Openings of(ConversationService conversations, TranscriptReplay replay, CustomerRepository customers, String agent) {
            return new Openings() {
                @Override
                public Conversation open(Optional<String> customerId, Channel channel, String title) {
                    return conversations.openFor(customerId, channel, title, agent);
                }

                @Override
                public TranscriptReplay.Playback replay(Transcript transcript, double speed) {
                    return replay.play(transcript, speed, true);
                }

                @Override
                public List<Customer> customers(String text) {
                    return text.isEmpty() ? customers.all() : customers.search(text, 50);
                }
            };
        }
    }

    private final Openings openings;
    private final List<Transcript> samples;
    private final TaskExecutor tasks;
    private final Executor io;
    private final Texts texts;
    private final Consumer<Throwable> failures;
    /** Touched on the UI thread only. */
    private final Map<Long, TranscriptReplay.Playback> playbacks = new HashMap<>();
    private Consumer<Conversation> onOpened = c -> { };

    public NewConversationViewModel(Openings openings, List<Transcript> samples, TaskExecutor tasks, Executor io, Texts texts,
                                    Consumer<Throwable> failures) {
        this.openings = openings;
        this.samples = List.copyOf(samples);
        this.tasks = tasks;
        this.io = io;
        this.texts = texts;
        this.failures = failures;
    }

    /** Runs on the UI thread once a conversation is open: the desk shows it. */
    void onOpened(Consumer<Conversation> action) {
        this.onOpened = action;
    }

    /** Opens a phone, branch or chat conversation the agent records by hand. */
    public void open(Optional<String> customerId, Channel channel, String title, Consumer<Throwable> onFailure) {
        tasks.execute(texts.get("activity.opening"), io, () -> openings.open(customerId, channel, title), onOpened::accept, onFailure);
    }

    /** Plays {@code transcript} as a live customer. */
    public void replay(Transcript transcript, double speed, Consumer<Throwable> onFailure) {
        tasks.execute(texts.get("activity.opening"), io, () -> openings.replay(transcript, speed), playback -> {
            playbacks.put(playback.conversation().id(), playback);
            onOpened.accept(playback.conversation());
        }, onFailure);
    }

    /** Reads a transcript file off the UI thread, then replays it. */
    public void replayFile(Path file, double speed, Consumer<Throwable> onFailure) {
        tasks.execute(texts.get("activity.reading"), io, () -> TranscriptLibrary.readFile(file), t -> replay(t, speed, onFailure), onFailure);
    }

    /** Customers whose name, id, email or phone contains {@code text}; {@code onResult} runs on the UI thread. */
    public void searchCustomers(String text, Consumer<List<Customer>> onResult) {
        String q = text == null ? "" : text.strip();
        tasks.execute(texts.get("activity.searching"), io, () -> openings.customers(q), onResult, failures::accept);
    }

    /** The conversation closed: its replay, if any, stops. */
    void ended(long conversationId) {
        TranscriptReplay.Playback playback = playbacks.remove(conversationId);
        if (playback != null) {
            playback.cancel();
        }
    }

    /** Stops every replay still running. */
    void dispose() {
        playbacks.values().forEach(TranscriptReplay.Playback::cancel);
        playbacks.clear();
    }

    public List<Transcript> sampleTranscripts() {
        return samples;
    }
}
