package app.tandem.assist;

import static org.junit.jupiter.api.Assertions.assertTrue;

import app.tandem.conversation.Author;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConversationSummaryTest {

    @Test
    void summaryHasIssueResolutionAndArticlesUsed() {
        var turns = List.of(PlaceholdersTest.turn(1, Author.CUSTOMER, "My new card never arrived"),
                PlaceholdersTest.turn(2, Author.AGENT, "I have cancelled the old card and ordered a new one to your home address."),
                PlaceholdersTest.turn(3, Author.CUSTOMER, "thanks"),
                PlaceholdersTest.turn(4, Author.AGENT, "You're welcome. Is there anything else I can help with?"));
        var used = new SuggestionLog.Logged(1, 1, 1, 1, 0.8, SuggestionSource.ARTICLE, "card-delivery-en", "x",
                SuggestionAction.EDITED, 3, Optional.empty(), "ann", Instant.EPOCH);
        String s = ConversationSummary.of(turns, List.of(used));
        assertTrue(s.startsWith("Issue: My new card never arrived"), s);
        assertTrue(s.contains("Resolution: I have cancelled the old card"), s);
        assertTrue(s.contains("Articles used: card-delivery-en"), s);
    }

    @Test
    void emptyConversationStillGivesAReadableSummary() {
        String s = ConversationSummary.of(List.of(), List.of());
        assertTrue(s.contains("(no customer message)") && s.contains("(no substantive reply)"), s);
    }
}
