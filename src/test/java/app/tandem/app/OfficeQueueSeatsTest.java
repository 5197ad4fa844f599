package app.tandem.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.tandem.Slow;
import app.tandem.conversation.Channel;
import app.tandem.conversation.Conversation;
import app.tandem.conversation.ConversationEvent;
import app.tandem.conversation.ConversationListener;
import app.tandem.conversation.Message;
import app.tandem.office.Colleague;
import app.tandem.office.Presence;
import app.tandem.security.PasswordHasher;
import app.tandem.security.Role;
import app.tandem.store.OfficeServer;
import app.tandem.work.Progress;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The office queue as two whole Tandems on one office server see it: each hears the other's changes on its own. */
@Slow
class OfficeQueueSeatsTest {

    @TempDir
    Path tmp;

    @Test
    void aCustomerTurnAndAClaimOnOneSeatReachTheOtherSeatsListeners() throws InterruptedException {
        try (OfficeServer server = OfficeServer.start(tmp.resolve("server"), 0, false)) {
            OfficeSeat seat = new OfficeSeat("127.0.0.1", server.port(), server.newKey().orElseThrow());
            seat.save(tmp.resolve("seat-a"));
            seat.save(tmp.resolve("seat-b"));
            try (Tandem a = start(tmp.resolve("seat-a")); Tandem b = start(tmp.resolve("seat-b"))) {
                a.accounts.createUser("setup", "ann", "Ann Agent", Role.AGENT, "correct horse battery".toCharArray());
                BlockingQueue<Message> turnsOnA = new ArrayBlockingQueue<>(10);
                a.conversations.addListener(new ConversationListener() {
                    @Override
                    public void messageAdded(Message message) {
                        turnsOnA.add(message);
                    }
                });
                BlockingQueue<ConversationEvent> movesOnB = new ArrayBlockingQueue<>(10);
                b.conversations.addListener(new ConversationListener() {
                    @Override
                    public void conversationMoved(Conversation conversation, ConversationEvent move) {
                        movesOnB.add(move);
                    }
                });

                Conversation chat = b.conversations.open(Optional.empty(), Channel.CHAT, "Lost card at the airport");
                long written = System.nanoTime();
                b.conversations.receiveFromCustomer(chat.id(), "I think I left my card at the airport");
                Message heard = turnsOnA.poll(2, TimeUnit.SECONDS);
                long ms = (System.nanoTime() - written) / 1_000_000;
                assertTrue(heard != null && heard.text().equals("I think I left my card at the airport"),
                        "seat A hears seat B's customer turn within 2 s");
                assertTrue(ms <= 2_000, ms + " ms");
                assertTrue(turnsOnA.isEmpty(), "told once");

                assertTrue(a.conversations.claim(chat.id(), "ann"));
                ConversationEvent claim = movesOnB.poll(2, TimeUnit.SECONDS);
                assertEquals(Optional.of("ann"), claim == null ? Optional.empty() : claim.to(), "seat B hears seat A's claim");

                a.presence.signedIn("ann");
                a.presence.set(Presence.BUSY);
                Colleague ann = b.presence.colleagues().stream().filter(c -> c.username().equals("ann")).findFirst().orElseThrow();
                assertEquals(Optional.of(Presence.BUSY), ann.presence(), "seat B sees who is at seat A");
            }
        }
    }

    private static Tandem start(Path folder) {
        return Tandem.start(folder, Progress.NONE, new PasswordHasher(1_000), Clock.systemUTC(), false);
    }
}
