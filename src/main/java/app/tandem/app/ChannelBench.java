package app.tandem.app;

import app.tandem.conversation.Author;
import app.tandem.conversation.ConversationListener;
import app.tandem.conversation.ConversationService;
import app.tandem.conversation.Message;
import app.tandem.conversation.MessageOrigin;
import app.tandem.store.Database;
import app.tandem.store.JdbcConversationRepository;
import app.tandem.web.CustomerChat;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Issue 18's channel load test: the customer web chat over a fresh H2 data folder (a solo seat: one
 * {@link ConversationService} over {@link Database#open}), N customer sessions on loopback each sending a turn on a
 * schedule and following its event stream, and one simulated agent answering every turn through the service as a
 * desk would. Each turn and reply carries its session and number, so both directions are counted one by one.
 * See {@code docs/experiments/channel.md}.
 */
public final class ChannelBench {

    public record Options(int sessions, Duration turnEvery, Duration length) {}

    /** After the schedule ends, how long replies still on their way may take before they count as lost. */
    private static final long DRAIN_NANOS = 5_000_000_000L;
    private static final int SENDERS = 16;

    /** One turn or reply, named by its text ("3-17": session 3's 17th turn; "re 3-17": the agent's reply to it). */
    private static final class Delivery {
        volatile long sent;
        volatile long received;
        final AtomicInteger receivedCount = new AtomicInteger();
    }

    private final Map<String, Delivery> turns = new ConcurrentHashMap<>();
    private final Map<String, Delivery> replies = new ConcurrentHashMap<>();
    private final BlockingQueue<Message> agentInbox = new LinkedBlockingQueue<>();
    private final AtomicInteger stored = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();
    private final AtomicInteger turnErrors = new AtomicInteger();
    private final AtomicInteger replyErrors = new AtomicInteger();
    private final AtomicLong heapPeak = new AtomicLong();

    private ChannelBench() {}

    public static ChannelRun run(Options options, Consumer<String> progress) {
        return new ChannelBench().measure(options, progress);
    }

    private ChannelRun measure(Options options, Consumer<String> progress) {
        Path folder;
        try {
            folder = Files.createTempDirectory("tandem-channel-bench");
        } catch (IOException e) {
            throw new IllegalStateException("No room for the bench's scratch data folder: " + e.getMessage(), e);
        }
        ScheduledExecutorService senders = Executors.newScheduledThreadPool(SENDERS, daemon("tandem-bench-customer"));
        HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(4, daemon("tandem-bench-stream"))).build();
        try (Database db = Database.open(folder)) {
            JdbcConversationRepository store = new JdbcConversationRepository(db.dataSource(), OfficeWebChat.SEAT);
            ConversationService conversations = new ConversationService(store, Clock.systemUTC());
            conversations.addListener(new ConversationListener() {
                @Override
                public void messageAdded(Message message) {
                    if (message.author() == Author.CUSTOMER) {
                        received(turns, message.text());
                        agentInbox.add(message);
                    }
                }
            });
            try (CustomerChat chat = CustomerChat.start(conversations, store, OfficeWebChat.tokens(db), "127.0.0.1", 0)) {
                progress.accept("chat served on http://127.0.0.1:" + chat.port() + "/");
                List<ChannelCustomer> customers = open(options.sessions(), chat.port(), http);
                progress.accept(options.sessions() + " customer sessions open, each following its event stream");
                Thread agent = new Thread(() -> reply(conversations), "tandem-bench-agent");
                agent.setDaemon(true);
                agent.start();
                ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(daemon("tandem-bench-sampler"));
                sampler.scheduleAtFixedRate(this::sampleHeap, 0, 1, TimeUnit.SECONDS);
                long cpuStart = processCpuNanos();
                long start = System.nanoTime();
                long every = options.turnEvery().toNanos();
                long deadline = start + options.length().toNanos();
                for (int s = 0; s < customers.size(); s++) {
                    int session = s;
                    AtomicInteger number = new AtomicInteger();
                    senders.scheduleAtFixedRate(() -> {
                        if (System.nanoTime() < deadline) {
                            sendTurn(customers.get(session), session + "-" + number.incrementAndGet());
                        }
                    }, every * s / customers.size(), every, TimeUnit.NANOSECONDS);
                }
                progress.accept("customers writing for " + options.length().toSeconds() + " s");
                sleepUntil(deadline);
                senders.shutdown();
                senders.awaitTermination(30, TimeUnit.SECONDS);
                long drainUntil = System.nanoTime() + DRAIN_NANOS;
                while (System.nanoTime() < drainUntil && !(agentInbox.isEmpty() && allReceived(replies))) {
                    Thread.sleep(50);
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                double cpu = 100.0 * (processCpuNanos() - cpuStart) / ((System.nanoTime() - start) * (double) Runtime.getRuntime().availableProcessors());
                agent.interrupt();
                sampler.shutdownNow();
                return report(options.sessions(), seconds, cpu);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("The channel bench was interrupted.", e);
        } finally {
            senders.shutdownNow();
            H2OfficeEngine.delete(folder);
        }
    }

    private List<ChannelCustomer> open(int sessions, int port, HttpClient http) {
        List<ChannelCustomer> customers = new ArrayList<>();
        for (int s = 0; s < sessions; s++) {
            ChannelCustomer customer = new ChannelCustomer(s, port);
            try {
                ChannelCustomer.Answer started = customer.post("/api/chat/start", "{\"language\":\"en\"}");
                if (started.status() != 201) {
                    throw new IllegalStateException("The chat refused session " + s + ": " + started.status() + " " + started.body());
                }
            } catch (IOException e) {
                throw new IllegalStateException("Session " + s + " could not start: " + e.getMessage(), e);
            }
            HttpRequest events = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/chat/events?after=0"))
                    .header("Cookie", customer.cookie()).header("Accept", "text/event-stream").build();
            http.sendAsync(events, HttpResponse.BodyHandlers.fromLineSubscriber(new EventLines()));
            customers.add(customer);
        }
        return customers;
    }

    private void sendTurn(ChannelCustomer customer, String name) {
        Delivery turn = turns.computeIfAbsent(name, n -> new Delivery());
        turn.sent = System.nanoTime();
        String body = "{\"text\":\"" + name + "\",\"turnId\":\"" + name + "\"}";
        // A turn that failed on the server is sent once more with the same id, as the page's customer would press
        // Send again: stored once either way.
        for (int attempt = 0; attempt < 2; attempt++) {
            try {
                int status = customer.post("/api/chat/turns", body).status();
                if (status == 201 || status == 200) {
                    stored.incrementAndGet();
                    return;
                }
                if (status == 429) {
                    refused.incrementAndGet();
                    turns.remove(name);
                    return;
                }
            } catch (IOException | RuntimeException e) {
                // Counted below if the retry fails too.
            }
        }
        turnErrors.incrementAndGet();
        turns.remove(name);
    }

    /** The one agent: answers every customer turn in the order heard, as a seat's agent sends a reply. */
    private void reply(ConversationService conversations) {
        try {
            while (true) {
                Message turn = agentInbox.take();
                String name = "re " + turn.text();
                Delivery reply = replies.computeIfAbsent(name, n -> new Delivery());
                for (int attempt = 0; ; attempt++) {
                    try {
                        conversations.sendFromAgent(turn.conversationId(), name, MessageOrigin.TYPED, OptionalLong.empty(), "agent");
                        reply.sent = System.nanoTime();
                        break;
                    } catch (RuntimeException e) {
                        // Two writes to one conversation at once (the customer's next turn): the store refuses one.
                        if (attempt == 2) {
                            replyErrors.incrementAndGet();
                            replies.remove(name);
                            break;
                        }
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Reads one customer's event stream: each agent turn's text names the reply it is. */
    private final class EventLines implements Flow.Subscriber<String> {
        private String event = "message";

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(String line) {
            if (line.startsWith("event:")) {
                event = line.substring(6).strip();
            } else if (line.startsWith("data:") && event.equals("turn") && line.contains("\"author\":\"agent\"")) {
                int at = line.indexOf("\"text\":\"re ");
                if (at >= 0) {
                    int from = at + "\"text\":\"".length();
                    received(replies, line.substring(from, line.indexOf('"', from)));
                }
            } else if (line.isEmpty()) {
                event = "message";
            }
        }

        @Override
        public void onError(Throwable throwable) {}

        @Override
        public void onComplete() {}
    }

    private static void received(Map<String, Delivery> deliveries, String name) {
        long now = System.nanoTime();
        Delivery d = deliveries.computeIfAbsent(name, n -> new Delivery());
        if (d.receivedCount.incrementAndGet() == 1) {
            d.received = now;
        }
    }

    private static boolean allReceived(Map<String, Delivery> deliveries) {
        return deliveries.values().stream().allMatch(d -> d.receivedCount.get() > 0);
    }

    private ChannelRun report(int sessions, double seconds, double cpu) {
        Latencies toDesk = new Latencies();
        Latencies toCustomer = new Latencies();
        int[] turnCounts = collect(turns, toDesk);
        int[] replyCounts = collect(replies, toCustomer);
        int repliesSent = (int) replies.values().stream().filter(d -> d.sent > 0).count();
        return new ChannelRun(sessions, seconds, toDesk, toCustomer, stored.get(), refused.get(), turnErrors.get(),
                turnCounts[0], turnCounts[1], repliesSent, replyErrors.get(), replyCounts[0], replyCounts[1], cpu, heapPeak.get());
    }

    /**
     * Delivery times of what was sent and received, and {lost, doubled}. A turn is heard while its POST is still
     * being answered (the solo seat's listener runs inside the store call), so customer-to-desk time counts from
     * the moment the POST was sent.
     */
    private static int[] collect(Map<String, Delivery> deliveries, Latencies into) {
        int lost = 0;
        int doubled = 0;
        for (Delivery d : deliveries.values()) {
            if (d.sent == 0) {
                continue;
            }
            int count = d.receivedCount.get();
            if (count == 0) {
                lost++;
            } else {
                into.add(Math.max(0, d.received - d.sent));
                doubled += count - 1;
            }
        }
        return new int[] {lost, doubled};
    }

    private void sampleHeap() {
        long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        heapPeak.accumulateAndGet(used, Math::max);
    }

    private static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return 0;
    }

    private static void sleepUntil(long deadline) throws InterruptedException {
        long left;
        while ((left = deadline - System.nanoTime()) > 0) {
            TimeUnit.NANOSECONDS.sleep(Math.min(left, 100_000_000L));
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
