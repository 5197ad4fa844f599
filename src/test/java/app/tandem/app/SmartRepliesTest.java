package app.tandem.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.tandem.assist.AllowlistEntry;
import app.tandem.assist.PastReplies;
import app.tandem.assist.SmartReplies;
import app.tandem.assist.Suggestion;
import app.tandem.assist.SuggestionSource;
import app.tandem.conversation.Channel;
import app.tandem.conversation.Conversation;
import app.tandem.conversation.MessageOrigin;
import app.tandem.nlp.TextEncoder;
import app.tandem.store.JdbcAllowlistRepository;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The allowlist built from real H2 history, with a bag-of-words stand-in for the sentence encoder. */
class SmartRepliesTest {

    @TempDir
    Path folder;
    private Tandem tandem;
    private SmartReplies smart;

    @BeforeEach
    void start() {
        tandem = TandemStartTest.start(folder);
        smart = new SmartReplies(new JdbcAllowlistRepository(TandemStartTest.database(folder)), lang -> Optional.of(new Words()));
    }

    @AfterEach
    void stop() {
        tandem.close();
    }

    private void exchange(String customer, String agent) {
        Conversation c = tandem.conversations.open(Optional.empty(), Channel.CHAT, "x");
        tandem.conversations.receiveFromCustomer(c.id(), customer);
        tandem.conversations.sendFromAgent(c.id(), agent, MessageOrigin.TYPED, OptionalLong.empty(), "ann");
    }

    @Test
    void repliesAreClusteredMatchedAndCurated() {
        exchange("how do I change my address", "You can change your address in the app under Profile, Address.");
        exchange("I moved house, how to update address", "You can change your address in the app under Profile, Address.");
        exchange("what are your opening hours", "Our branches open from 9am to 5pm, Monday to Saturday.");
        assertTrue(smart.rebuildFromHistory() >= 2);
        AllowlistEntry address = smart.entries().stream().filter(e -> e.text().contains("Profile")).findFirst().orElseThrow();
        assertEquals(2, address.timesSent());
        assertEquals(2, address.questions().size());

        float[] q = new Words().encodeQuery("please change address");
        List<PastReplies.Match> found = smart.match("en", "words", q, 3);
        assertTrue(found.stream().anyMatch(m -> m.entryId() == address.id()), found.toString());

        AllowlistEntry hours = smart.entries().stream().filter(e -> e.text().contains("9am")).findFirst().orElseThrow();
        smart.allow(hours.id(), "sue");
        assertTrue(smart.match("en", "words", q, 3).stream().noneMatch(m -> m.entryId() == address.id()),
                "curation on: unreviewed entries are no longer suggested");
        smart.block(hours.id(), "sue");
        assertTrue(smart.match("en", "words", new Words().encodeQuery("opening hours"), 3).isEmpty());
        assertTrue(smart.rebuildFromHistory() >= 2, "a rebuild keeps reviewed decisions");
        assertEquals(AllowlistEntry.Status.BLOCKED,
                smart.entries().stream().filter(e -> e.id() == hours.id()).findFirst().orElseThrow().status());
    }

    @Test
    void deletingAnEntryWhileShownStillLetsTheAgentSendIt() {
        exchange("how do I change my address", "You can change your address in the app under Profile, Address.");
        smart.rebuildFromHistory();
        AllowlistEntry e = smart.entries().get(0);
        Suggestion shown = new Suggestion(0, 1, e.text(), 0.8, SuggestionSource.HISTORY, "reply:" + e.id(), OptionalInt.empty(), "");
        smart.delete(e.id());
        Conversation c = tandem.conversations.open(Optional.empty(), Channel.CHAT, "y");
        tandem.conversations.receiveFromCustomer(c.id(), "address change?");
        assertTrue(tandem.replies.send(c.id(), shown.text(), Optional.of(shown), "ann").isPresent());
        assertTrue(smart.entries().stream().noneMatch(x -> x.id() == e.id()));
    }

    @Test
    void aRebuildEncodesEachDistinctReplyOnceInBulk() {
        String address = "You can change your address in the app under Profile, Address.";
        exchange("how do I change my address", address);
        exchange("I moved house, how to update address", address);
        exchange("what are your opening hours", "Our branches open from 9am to 5pm, Monday to Saturday.");
        List<String> encoded = new java.util.ArrayList<>();
        int[] oneByOne = {0};
        Words words = new Words() {
            @Override
            public float[] encodePassage(String text) {
                oneByOne[0]++;
                return super.encodePassage(text);
            }

            @Override
            public List<float[]> encodePassages(List<String> texts) {
                encoded.addAll(texts);
                return super.encodePassages(texts);
            }
        };
        SmartReplies counted = new SmartReplies(new JdbcAllowlistRepository(TandemStartTest.database(folder)), lang -> Optional.of(words));
        counted.rebuildFromHistory();
        assertEquals(0, oneByOne[0], "no reply encoded on its own");
        assertEquals(1, encoded.stream().filter(address::equals).count(), "sent twice, encoded once");
        assertEquals(2, counted.entries().stream().filter(e -> e.text().equals(address)).findFirst().orElseThrow().timesSent(),
                "still one entry sent twice");
    }

    /** Hashed bag of words, L2-normalised: enough to tell "address" from "opening hours". */
    static class Words implements TextEncoder {
        @Override
        public String modelId() {
            return "words";
        }

        @Override
        public int dimensions() {
            return 1024;
        }

        @Override
        public float[] encodeQuery(String text) {
            float[] v = new float[1024];
            for (String w : text.toLowerCase(Locale.ROOT).split("[^a-z]+")) {
                if (w.length() > 3) {
                    v[Math.floorMod(w.hashCode(), 1024)] += 1;
                }
            }
            double n = 0;
            for (float x : v) {
                n += x * x;
            }
            for (int i = 0; i < v.length && n > 0; i++) {
                v[i] /= (float) Math.sqrt(n);
            }
            return v;
        }

        @Override
        public float[] encodePassage(String text) {
            return encodeQuery(text);
        }

        @Override
        public List<float[]> encodePassages(List<String> texts) {
            return texts.stream().map(this::encodeQuery).toList();
        }

        @Override
        public void close() {}
    }
}
