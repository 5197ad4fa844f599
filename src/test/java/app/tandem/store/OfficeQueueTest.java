package app.tandem.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.tandem.Slow;
import app.tandem.assist.escalation.Escalation;
import app.tandem.assist.escalation.EscalationDetail;
import app.tandem.assist.escalation.EscalationReason;
import app.tandem.assist.escalation.EscalationRules;
import app.tandem.assist.escalation.EscalationService;
import app.tandem.conversation.Assignment;
import app.tandem.conversation.Author;
import app.tandem.conversation.Channel;
import app.tandem.conversation.Conversation;
import app.tandem.conversation.ConversationEvent;
import app.tandem.conversation.ConversationEvent.Kind;
import app.tandem.conversation.ConversationFeed;
import app.tandem.conversation.ConversationListener;
import app.tandem.conversation.ConversationService;
import app.tandem.conversation.Message;
import app.tandem.conversation.MessageOrigin;
import app.tandem.conversation.MessageRejectedException;
import app.tandem.conversation.Team;
import app.tandem.security.Role;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The office queue (issue 17) with several seats on one database, each over its own connections, on the two
 * servers an office may run: H2's TCP server ({@code tandem server}) and a real PostgreSQL, both on loopback.
 */
@Slow
class OfficeQueueTest {

    private static final int SEATS = 10;
    private static final int ROUNDS = 10;

    @TempDir
    static Path tmp;
    private static OfficeServer h2;
    private static EmbeddedPostgres postgres;
    private final List<Database> opened = new ArrayList<>();

    @BeforeAll
    static void startServers() throws IOException {
        h2 = OfficeServer.start(tmp.resolve("h2"), 0, false);
        postgres = EmbeddedPostgres.builder().setDataDirectory(tmp.resolve("pg")).start();
        // The server migrates; seats only join.
        Database.connect(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "postgres").close();
        for (Database.Engine engine : Database.Engine.values()) {
            try (Database db = join(engine)) {
                var users = new JdbcUserRepository(db.dataSource(), Clock.systemUTC());
                users.create("ann", "Ann Agent", Role.AGENT, "hash");
                users.create("bob", "Bob Agent", Role.AGENT, "hash");
                users.create("sue", "Sue Supervisor", Role.SUPERVISOR, "hash");
            }
        }
    }

    @AfterAll
    static void stopServers() throws IOException {
        h2.close();
        postgres.close();
    }

    @AfterEach
    void closeSeats() {
        opened.forEach(Database::close);
    }

    static Database join(Database.Engine engine) {
        return switch (engine) {
            case H2 -> Database.join(OfficeServer.seatUrl("127.0.0.1", h2.port()), OfficeServer.SEAT_USER, h2.newKey().orElseThrow());
            case POSTGRESQL -> Database.join(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "postgres");
        };
    }

    /** A seat: its own connection pool, its own name in the feed. */
    private JdbcConversationRepository seat(Database.Engine engine, String name) {
        Database db = join(engine);
        opened.add(db);
        return new JdbcConversationRepository(db.dataSource(), name);
    }

    @ParameterizedTest
    @EnumSource(Database.Engine.class)
    void ofTenSeatsClaimingOneConversationAtOnceExactlyOneWinsEveryTime(Database.Engine engine) throws Exception {
        List<JdbcConversationRepository> seats = new ArrayList<>();
        for (int i = 0; i < SEATS; i++) {
            seats.add(seat(engine, "race-seat-" + i));
        }
        ExecutorService threads = Executors.newFixedThreadPool(SEATS);
        try {
            for (int round = 0; round < ROUNDS; round++) {
                long id = seats.get(0).create(Optional.empty(), Channel.CHAT, "Race " + round, Instant.now()).id();
                CountDownLatch go = new CountDownLatch(1);
                List<Future<Boolean>> won = new ArrayList<>();
                for (int i = 0; i < SEATS; i++) {
                    JdbcConversationRepository seat = seats.get(i);
                    String agent = "agent-" + i;
                    // Half claim it explicitly, half reply to it first (a reply claims a waiting conversation).
                    boolean replies = (i + round) % 2 == 1;
                    won.add(threads.submit(() -> {
                        go.await();
                        if (!replies) {
                            return seat.claim(id, agent, Instant.now()).isPresent();
                        }
                        try {
                            seat.append(id, Author.AGENT, "Good morning, I am looking at it now.", MessageOrigin.TYPED,
                                    OptionalLong.empty(), Optional.of(agent), Instant.now());
                            return true;
                        } catch (MessageRejectedException e) {
                            assertEquals(MessageRejectedException.Reason.HELD_BY_SOMEONE_ELSE, e.reason());
                            return false;
                        }
                    }));
                }
                go.countDown();
                List<String> winners = new ArrayList<>();
                for (int i = 0; i < SEATS; i++) {
                    if (won.get(i).get(30, TimeUnit.SECONDS)) {
                        winners.add("agent-" + i);
                    }
                }
                assertEquals(1, winners.size(), engine + " round " + round + ": " + winners);
                String winner = winners.get(0);
                assertEquals(Optional.of(winner), seats.get(0).assignment(id).orElseThrow().holder());
                List<ConversationEvent> moves = seats.get(0).moves(id);
                assertEquals(1, moves.size(), moves.toString());
                assertEquals(Optional.of(winner), moves.get(0).to());
                assertTrue(seats.get(0).messages(id).stream().allMatch(m -> m.agent().equals(Optional.of(winner))),
                        "only the winner's reply was written");
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @ParameterizedTest
    @EnumSource(Database.Engine.class)
    void aCustomerTurnAndAnAgentReplyAtTheSameMomentAreBothStoredInOrder(Database.Engine engine) throws Exception {
        // The web chat (one process) and the agent's seat (another) write to one conversation at once.
        JdbcConversationRepository web = seat(engine, "web");
        JdbcConversationRepository desk = seat(engine, "turn-seat");
        long id = web.create(Optional.empty(), Channel.WEB, "Both at once", Instant.now(), Optional.of("ana")).id();
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 20; round++) {
                CountDownLatch go = new CountDownLatch(1);
                Future<?> customer = threads.submit(() -> {
                    go.await();
                    return web.append(id, Author.CUSTOMER, "Are you still there?", MessageOrigin.CUSTOMER,
                            OptionalLong.empty(), Optional.empty(), Instant.now());
                });
                Future<?> agent = threads.submit(() -> {
                    go.await();
                    return desk.append(id, Author.AGENT, "Yes, one moment please.", MessageOrigin.TYPED,
                            OptionalLong.empty(), Optional.of("ana"), Instant.now());
                });
                go.countDown();
                customer.get(30, TimeUnit.SECONDS);
                agent.get(30, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }
        List<Integer> seqs = web.messages(id).stream().map(Message::seq).toList();
        assertEquals(java.util.stream.IntStream.rangeClosed(1, 40).boxed().toList(), seqs, engine.toString());
    }

    @ParameterizedTest
    @EnumSource(Database.Engine.class)
    void aTransferWithANoteAndASupervisorsTakeOverAcrossSeats(Database.Engine engine) {
        JdbcConversationRepository storeA = seat(engine, "seat-a");
        JdbcConversationRepository storeB = seat(engine, "seat-b");
        JdbcConversationRepository storeS = seat(engine, "seat-s");
        ConversationService a = new ConversationService(storeA, Clock.systemUTC());
        ConversationService b = new ConversationService(storeB, Clock.systemUTC());
        ConversationService supervisor = new ConversationService(storeS, Clock.systemUTC());
        ConversationFeed feedB = new ConversationFeed(storeB, b, "seat-b");
        ConversationFeed feedS = new ConversationFeed(storeS, supervisor, "seat-s");
        List<ConversationEvent> movesOnB = new ArrayList<>();
        b.addListener(new ConversationListener() {
            @Override
            public void conversationMoved(Conversation conversation, ConversationEvent move) {
                movesOnB.add(move);
            }
        });

        Conversation chat = a.open(Optional.empty(), Channel.CHAT, "Disputed card payment");
        a.receiveFromCustomer(chat.id(), "I did not pay 89.90 to this shop");
        assertTrue(a.claim(chat.id(), "ann"));
        a.transfer(chat.id(), "ann", "bob", "Dispute form started, needs the card team");

        feedB.follow();
        ConversationEvent transfer = movesOnB.get(movesOnB.size() - 1);
        assertEquals(Kind.TRANSFERRED, transfer.kind());
        assertEquals(Optional.of("Dispute form started, needs the card team"), transfer.note());
        assertEquals(Optional.of("bob"), transfer.to());

        int turns = a.messages(chat.id()).size();
        MessageRejectedException refused = assertThrows(MessageRejectedException.class, () -> a.sendFromAgent(chat.id(),
                "Let me check that for you.", MessageOrigin.TYPED, OptionalLong.empty(), "ann"));
        assertEquals(MessageRejectedException.Reason.HELD_BY_SOMEONE_ELSE, refused.reason());
        assertEquals(turns, a.messages(chat.id()).size(), "nothing written for the refused reply");

        b.sendFromAgent(chat.id(), "I have the dispute form here.", MessageOrigin.TYPED, OptionalLong.empty(), "bob");
        assertEquals(Optional.of("bob"), supervisor.takeOver(chat.id(), "sue"));
        assertEquals(List.of(Kind.CLAIMED, Kind.TRANSFERRED, Kind.TAKEN_OVER),
                supervisor.moves(chat.id()).stream().map(ConversationEvent::kind).toList());
        assertEquals(Optional.of("sue"), supervisor.assignment(chat.id()).orElseThrow().holder());
        feedB.follow();
        assertEquals(Kind.TAKEN_OVER, movesOnB.get(movesOnB.size() - 1).kind(), "bob's seat hears it was taken");

        Conversation second = a.open(Optional.empty(), Channel.PHONE, "Mortgage arrears");
        a.claim(second.id(), "ann");
        feedS.follow();
        a.handOff(second.id(), "ann", "Customer asks for a payment holiday: supervisor decision");
        assertEquals(Assignment.waiting(Team.SUPERVISORS), supervisor.assignment(second.id()).orElseThrow());
        List<ConversationEvent> heard = new ArrayList<>();
        supervisor.addListener(new ConversationListener() {
            @Override
            public void conversationMoved(Conversation conversation, ConversationEvent move) {
                heard.add(move);
            }
        });
        assertEquals(1, feedS.follow());
        assertEquals(Kind.HANDED_OFF, heard.get(0).kind());
        assertEquals(Optional.of("Customer asks for a payment holiday: supervisor decision"), heard.get(0).note());
    }

    @ParameterizedTest
    @EnumSource(Database.Engine.class)
    void aCustomerTurnOnOneSeatReachesAnotherSeatWithinTwoSeconds(Database.Engine engine) throws InterruptedException {
        JdbcConversationRepository storeA = seat(engine, "turn-seat-a");
        ConversationService a = new ConversationService(storeA, Clock.systemUTC());
        ConversationService b = new ConversationService(seat(engine, "turn-seat-b"), Clock.systemUTC());
        BlockingQueue<Message> heard = new ArrayBlockingQueue<>(10);
        a.addListener(new ConversationListener() {
            @Override
            public void messageAdded(Message message) {
                heard.add(message);
            }
        });
        ConversationFeed feed = new ConversationFeed(storeA, a, "turn-seat-a");
        // As the seat's follower thread does it (app.OfficeFollowing).
        ScheduledExecutorService follower = Executors.newSingleThreadScheduledExecutor();
        follower.scheduleWithFixedDelay(feed::follow, 500, 500, TimeUnit.MILLISECONDS);
        try {
            Conversation chat = b.open(Optional.empty(), Channel.CHAT, "Address change");
            long written = System.nanoTime();
            b.receiveFromCustomer(chat.id(), "I moved to Leeds last week");
            Message message = heard.poll(2, TimeUnit.SECONDS);
            long ms = (System.nanoTime() - written) / 1_000_000;
            assertNotNull(message, "no turn heard within 2 s");
            assertEquals("I moved to Leeds last week", message.text());
            assertTrue(ms <= 2_000, ms + " ms");
        } finally {
            follower.shutdownNow();
        }
    }

    @ParameterizedTest
    @EnumSource(Database.Engine.class)
    void aSeatInAnotherJvmAndThisOneClaimTheSameConversationsAndEachHasOneHolder(Database.Engine engine) throws Exception {
        JdbcConversationRepository here = seat(engine, "jvm-seat-here");
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            ids.add(here.create(Optional.empty(), Channel.CHAT, "Two JVMs " + i, Instant.now()).id());
        }
        String url = engine == Database.Engine.H2 ? OfficeServer.seatUrl("127.0.0.1", h2.port()) : postgres.getJdbcUrl("postgres", "postgres");
        String user = engine == Database.Engine.H2 ? OfficeServer.SEAT_USER : "postgres";
        String password = engine == Database.Engine.H2 ? h2.newKey().orElseThrow() : "postgres";
        String java = ProcessHandle.current().info().command().orElse("java");
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), QueueSeatChild.class.getName(),
                url, user, "jvm-seat-child", "carl").redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
             Writer in = new OutputStreamWriter(child.getOutputStream(), StandardCharsets.UTF_8)) {
            in.write(password + "\n");
            in.flush();
            String line;
            while ((line = out.readLine()) != null && !line.equals("ready")) {
                // the child's log lines before it joined
            }
            assertEquals("ready", line, "the child seat did not join");
            // The child goes through the conversations from the last, this seat from the first: they meet in the
            // middle, where both act on the same conversations at once.
            List<Long> lastFirst = new ArrayList<>(ids);
            Collections.reverse(lastFirst);
            in.write(lastFirst.stream().map(String::valueOf).collect(Collectors.joining(",")) + "\n");
            in.flush();
            List<String> childSaid = new ArrayList<>();
            childSaid.add(out.readLine()); // started: a JVM of its own is slower to warm up than this one

            Map<Long, Integer> winners = new HashMap<>();
            Map<Long, Long> replies = new HashMap<>();
            Map<Long, String> winner = new HashMap<>();
            for (int i = 0; i < ids.size(); i++) {
                long id = ids.get(i);
                if (i % 2 == 1) {
                    if (here.claim(id, "dana", Instant.now()).isPresent()) {
                        winners.merge(id, 1, Integer::sum);
                        winner.put(id, "dana");
                    }
                } else {
                    try {
                        replies.put(id, here.append(id, Author.AGENT, "Hello, this is Dana.", MessageOrigin.TYPED,
                                OptionalLong.empty(), Optional.of("dana"), Instant.now()).id());
                        winners.merge(id, 1, Integer::sum);
                        winner.put(id, "dana");
                    } catch (MessageRejectedException e) {
                        assertEquals(MessageRejectedException.Reason.HELD_BY_SOMEONE_ELSE, e.reason());
                    }
                }
            }
            while ((line = out.readLine()) != null && !line.equals("done")) {
                childSaid.add(line);
            }
            for (String said : childSaid) {
                String[] f = said.split(" ");
                if (f[0].equals("claimed") || f[0].equals("replied")) {
                    long id = Long.parseLong(f[1]);
                    winners.merge(id, 1, Integer::sum);
                    winner.put(id, "carl");
                    if (f[0].equals("replied")) {
                        replies.put(id, Long.parseLong(f[2]));
                    }
                }
            }
            assertEquals("done", line, "the child seat stopped early: " + childSaid);
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
            assertEquals(0, child.exitValue());
            for (long id : ids) {
                assertEquals(1, winners.getOrDefault(id, 0), engine + ": conversation " + id + " " + childSaid);
                Optional<String> holder = here.assignment(id).orElseThrow().holder();
                assertEquals(Optional.of(winner.get(id)), holder);
                assertEquals(1, here.moves(id).size(), "one claim");
            }
            replies.forEach((id, message) -> assertTrue(here.messages(id).stream()
                    .anyMatch(m -> m.id() == message && m.agent().equals(here.assignment(id).orElseThrow().holder())),
                    "acknowledged reply " + message + " is stored, by the conversation's holder"));
            assertTrue(winner.containsValue("carl") && winner.containsValue("dana"), "both seats won some: " + winner);
        } finally {
            child.destroyForcibly();
        }
    }

    @Test
    void theServerStoppedAndRestartedUnderASeatLosesNothingAcknowledgedAndTheFeedResumes() throws InterruptedException {
        Path folder = tmp.resolve("restarted");
        OfficeServer server = OfficeServer.start(folder, 0, false);
        int port = server.port();
        String key = server.newKey().orElseThrow();
        String url = OfficeServer.seatUrl("127.0.0.1", port);
        try (Database dbA = Database.join(url, OfficeServer.SEAT_USER, key);
             Database dbB = Database.join(url, OfficeServer.SEAT_USER, key)) {
            JdbcConversationRepository storeA = new JdbcConversationRepository(dbA.dataSource(), "restart-seat-a");
            ConversationService a = new ConversationService(storeA, Clock.systemUTC());
            ConversationService b = new ConversationService(new JdbcConversationRepository(dbB.dataSource(), "restart-seat-b"),
                    Clock.systemUTC());
            List<String> heardOnA = new ArrayList<>();
            a.addListener(new ConversationListener() {
                @Override
                public void messageAdded(Message message) {
                    heardOnA.add(message.text());
                }
            });
            ConversationFeed feed = new ConversationFeed(storeA, a, "restart-seat-a");
            Conversation chat = b.open(Optional.empty(), Channel.CHAT, "Server restart");
            List<Long> acknowledged = new ArrayList<>();
            assertTrue(b.claim(chat.id(), "bob"));
            for (int i = 0; i < 5; i++) {
                acknowledged.add(b.receiveFromCustomer(chat.id(), "Before " + i).orElseThrow().id());
            }
            feed.follow();
            assertEquals(5, heardOnA.size());

            server.close();
            assertThrows(RuntimeException.class, () -> b.receiveFromCustomer(chat.id(), "While the server is gone"),
                    "a write the server cannot take is refused, not acknowledged");
            assertThrows(RuntimeException.class, feed::follow);

            server = OfficeServer.start(folder, port, false);
            // The seat's pool may hand out connections the stop broke: the seat recovers within a few tries.
            Optional<Message> after = Optional.empty();
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (after.isEmpty() && System.nanoTime() < deadline) {
                try {
                    after = b.receiveFromCustomer(chat.id(), "After the restart");
                } catch (RuntimeException e) {
                    Thread.sleep(100);
                }
            }
            acknowledged.add(after.orElseThrow(() -> new AssertionError("seat B did not recover")).id());
            while (!heardOnA.contains("After the restart") && System.nanoTime() < deadline) {
                try {
                    feed.follow();
                } catch (RuntimeException e) {
                    Thread.sleep(100);
                }
            }
            assertTrue(heardOnA.contains("After the restart"), "seat A's feed resumes: " + heardOnA);
            List<Long> stored = a.messages(chat.id()).stream().map(Message::id).toList();
            assertTrue(stored.containsAll(acknowledged), "acknowledged " + acknowledged + ", stored " + stored);
            assertEquals(Optional.of("bob"), a.assignment(chat.id()).orElseThrow().holder(), "the claim survived");
            assertTrue(a.messages(chat.id()).stream().noneMatch(m -> m.text().equals("While the server is gone")));
        } finally {
            server.close();
        }
    }

    @ParameterizedTest
    @EnumSource(Database.Engine.class)
    void anEscalationStaysOpenForTheSupervisorWhoTakesTheHandedOffConversationOver(Database.Engine engine) {
        JdbcConversationRepository storeA = seat(engine, "escalating-seat-a");
        JdbcConversationRepository storeS = seat(engine, "escalating-seat-s");
        ConversationService a = new ConversationService(storeA, Clock.systemUTC());
        ConversationService supervisor = new ConversationService(storeS, Clock.systemUTC());
        EscalationService escalationsA = new EscalationService(new JdbcEscalationRepository(opened.get(0).dataSource()), Clock.systemUTC());
        EscalationService escalationsS = new EscalationService(new JdbcEscalationRepository(opened.get(1).dataSource()), Clock.systemUTC());

        Conversation chat = a.open(Optional.empty(), Channel.CHAT, "Wants a manager");
        Message turn = a.receiveFromCustomer(chat.id(), "I want to speak to your manager now").orElseThrow();
        Escalation raised = escalationsA.raise(chat.id(), turn.seq(), List.of(new EscalationRules.Trigger(
                EscalationReason.ASKED_FOR_HUMAN, EscalationDetail.of(EscalationDetail.Kind.ASKED, "manager")))).get(0);
        assertTrue(a.claim(chat.id(), "ann"));
        a.handOff(chat.id(), "ann", "Asked for a manager twice");
        assertEquals(Optional.empty(), supervisor.takeOver(chat.id(), "sue"), "it waited in the supervisors' queue");

        assertEquals(List.of(raised.id()), escalationsS.openFor(chat.id()).stream().map(Escalation::id).toList(),
                "the supervisor's desk shows the escalation with the conversation");
        assertTrue(escalationsS.list(true).stream().anyMatch(e -> e.id() == raised.id()),
                "and the Escalations screen, which lists every open one in the office, still lists it");
    }
}
