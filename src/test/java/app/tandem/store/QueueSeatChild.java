package app.tandem.store;

import app.tandem.conversation.Author;
import app.tandem.conversation.MessageOrigin;
import app.tandem.conversation.MessageRejectedException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A seat in a JVM of its own, for {@link OfficeQueueTest}: joins the office database (address and user as
 * arguments, password on standard input, never on the command line), says {@code ready}, then reads one line of
 * conversation ids and claims the even-placed ones and replies first to the odd-placed ones, printing each answer.
 */
public final class QueueSeatChild {

    public static void main(String[] args) throws IOException {
        String url = args[0];
        String user = args[1];
        String seatName = args[2];
        String agent = args[3];
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String password = in.readLine();
        try (Database db = Database.join(url, user, password)) {
            JdbcConversationRepository seat = new JdbcConversationRepository(db.dataSource(), seatName);
            System.out.println("ready");
            System.out.flush();
            String[] ids = in.readLine().strip().split(",");
            for (int i = 0; i < ids.length; i++) {
                long id = Long.parseLong(ids[i]);
                if (i % 2 == 0) {
                    System.out.println((seat.claim(id, agent, Instant.now()).isPresent() ? "claimed " : "refused ") + id);
                } else {
                    try {
                        long message = seat.append(id, Author.AGENT, "Hello, this is " + agent + ".", MessageOrigin.TYPED,
                                OptionalLong.empty(), Optional.of(agent), Instant.now()).id();
                        System.out.println("replied " + id + " " + message);
                    } catch (MessageRejectedException e) {
                        System.out.println("refused " + id);
                    }
                }
            }
            System.out.println("done");
        }
    }
}
