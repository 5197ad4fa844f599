package app.tandem.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import app.tandem.conversation.Author;
import app.tandem.conversation.Message;
import app.tandem.conversation.MessageOrigin;
import app.tandem.store.JdbcSuggestionLog;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SuggestionWarmUpTest {

    @TempDir
    Path folder;

    @Test
    void warmsUpWithoutLeavingATrace() {
        try (Tandem t = TandemStartTest.start(folder)) {
            int queued = t.conversations.queue().size();
            SuggestionWarmUp.run(t.knowledgeBase, t.assist);
            assertEquals(queued, t.conversations.queue().size(), "no conversation is opened");
            JdbcSuggestionLog log = new JdbcSuggestionLog(TandemStartTest.database(folder), Clock.systemUTC());
            assertEquals(List.of(), log.withActions(1_000), "nothing is logged as shown");
            // The path it warmed is the one customers get: the bundled KB answers a title-like question.
            Message turn = new Message(0, 0, 1, Author.CUSTOMER, "My card has not arrived", MessageOrigin.CUSTOMER,
                    OptionalLong.empty(), Optional.empty(), Instant.EPOCH);
            assertFalse(t.assist.rank(0, List.of(turn), "agent").articles().isEmpty());
        }
    }
}
