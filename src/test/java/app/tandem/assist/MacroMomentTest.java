package app.tandem.assist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.tandem.conversation.Author;
import app.tandem.conversation.Message;
import app.tandem.conversation.MessageOrigin;
import app.tandem.nlp.TextEncoder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * A greeting is offered only before the agent's first reply, a closing only after it, any other macro at any
 * stage, however close the customer's words are to each.
 */
class MacroMomentTest {

    private final Vectors vectors = new Vectors(16);

    private static MacroLibrary library() {
        MacroLibrary library = new MacroLibrary(new InMemoryMacros());
        library.save(new Macro(0, "en", "Greeting", "Hi, how can I help?", List.of("hello", "hi there"), List.of(),
                Macro.Moment.OPENING, true));
        library.save(new Macro(0, "en", "Closing", "Is there anything else I can help you with?",
                List.of("thanks, that's all", "hello"), List.of(), Macro.Moment.CLOSING, true));
        library.save(new Macro(0, "en", "Freeze a lost card", "Your card is frozen.", List.of("I lost my card", "hello"),
                List.of("lost_or_stolen_card"), Macro.Moment.ANY_TIME, true));
        library.save(new Macro(0, "zh", "问候", "您好，请问有什么可以帮您？", List.of("你好", "在吗"), List.of(),
                Macro.Moment.OPENING, true));
        library.save(new Macro(0, "zh", "转账未到账", "跨行转账通常在2小时内到账。", List.of("转账还没到账"),
                List.of("pending_transfer"), Macro.Moment.ANY_TIME, true));
        return library;
    }

    private static List<Message> conversation(String... customerThenAgent) {
        List<Message> turns = new ArrayList<>();
        for (int i = 0; i < customerThenAgent.length; i++) {
            Author author = i % 2 == 0 ? Author.CUSTOMER : Author.AGENT;
            turns.add(new Message(i + 1, 1, i + 1, author, customerThenAgent[i],
                    author == Author.CUSTOMER ? MessageOrigin.CUSTOMER : MessageOrigin.TYPED, OptionalLong.empty(),
                    author == Author.AGENT ? Optional.of("ann") : Optional.empty(), Instant.EPOCH));
        }
        return turns;
    }

    private List<String> offered(List<Message> turns, String language, Optional<TextEncoder> encoder) {
        ConversationContext context = ConversationContext.of(turns, language, encoder, vectors);
        boolean agentHasReplied = turns.stream().anyMatch(t -> t.author() == Author.AGENT);
        return library().match(context, encoder, vectors, 10, agentHasReplied).stream().map(m -> m.macro().title()).toList();
    }

    @Test
    void greetingIsOfferedOnlyBeforeTheAgentsFirstReply() {
        assertTrue(offered(conversation("hello"), "en", Optional.empty()).contains("Greeting"));
        List<String> later = offered(conversation("my card is gone", "I can help with that.", "hello"), "en", Optional.empty());
        assertFalse(later.contains("Greeting"), later.toString());
    }

    @Test
    void closingIsOfferedOnlyOnceTheAgentHasReplied() {
        List<String> first = offered(conversation("hello"), "en", Optional.empty());
        assertFalse(first.contains("Closing"), first.toString());
        assertTrue(offered(conversation("I lost my card", "Your card is frozen.", "hello"), "en", Optional.empty())
                .contains("Closing"));
    }

    @Test
    void anyTimeMacroIsOfferedAtEveryStage() {
        assertTrue(offered(conversation("hello"), "en", Optional.empty()).contains("Freeze a lost card"));
        assertTrue(offered(conversation("hello", "Hi, how can I help?", "hello"), "en", Optional.empty())
                .contains("Freeze a lost card"));
    }

    @Test
    void vagueChineseFollowUpNoLongerGetsTheGreeting() {
        // The encoder puts every macro phrasing close to the follow-up, as bge-small-zh put 你好/在吗 close to 好，然后呢？
        String followUp = "好，然后呢？";
        Optional<TextEncoder> encoder = Optional.of(new FixedCosineEncoder("bge-small-zh-v1.5", followUp, 0.8));
        List<String> opening = offered(conversation(followUp), "zh", encoder);
        assertTrue(opening.contains("问候"), opening.toString());
        List<String> midway = offered(conversation("转账还没到账", "跨行转账通常在2小时内到账。", followUp), "zh", encoder);
        assertEquals(List.of("转账未到账"), midway);
    }

    @Test
    void momentSaysWhichStagesItFits() {
        assertTrue(Macro.Moment.OPENING.fits(false));
        assertFalse(Macro.Moment.OPENING.fits(true));
        assertFalse(Macro.Moment.CLOSING.fits(false));
        assertTrue(Macro.Moment.CLOSING.fits(true));
        assertTrue(Macro.Moment.ANY_TIME.fits(false) && Macro.Moment.ANY_TIME.fits(true));
    }
}
