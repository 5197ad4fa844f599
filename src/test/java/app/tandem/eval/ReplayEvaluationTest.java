package app.tandem.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.tandem.Slow;
import app.tandem.app.Encoders;
import app.tandem.app.Tandem;
import app.tandem.nlp.EncoderService;
import app.tandem.nlp.EncoderSettings;
import app.tandem.work.Progress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dialogue replay on a tiny SGD-shaped fixture written here, through a real Tandem (H2, bundled KB,
 * Smart Reply) with the real sentence encoders on CPU.
 */
@Slow
class ReplayEvaluationTest {

    @TempDir
    Path folder;

    private static String turn(String speaker, String text, String... acts) {
        StringBuilder actions = new StringBuilder();
        for (String a : acts) {
            String[] actSlot = a.split(":", -1);
            actions.append(actions.length() == 0 ? "" : ",").append("{\"act\":\"").append(actSlot[0])
                    .append("\",\"slot\":\"").append(actSlot.length > 1 ? actSlot[1] : "").append("\",\"values\":[]}");
        }
        return "{\"speaker\":\"" + speaker + "\",\"utterance\":\"" + text + "\",\"frames\":[{\"service\":\"x\",\"slots\":[],"
                + "\"actions\":[" + actions + "]}]}";
    }

    private static String dialogue(String id, String service, String... turns) {
        return "{\"dialogue_id\":\"" + id + "\",\"services\":[\"" + service + "\"],\"turns\":[" + String.join(",", turns) + "]}";
    }

    private void shard(String split, String... dialogues) throws IOException {
        Files.createDirectories(folder.resolve(split));
        Files.writeString(folder.resolve(split).resolve("dialogues_001.json"), "[" + String.join(",", dialogues) + "]");
    }

    private void writeFixture() throws IOException {
        shard("train",
                dialogue("1_001", "Banks_1",
                        turn("USER", "What's my balance?", "INFORM_INTENT:intent"),
                        turn("SYSTEM", "In checking or savings?", "REQUEST:account_type"),
                        turn("USER", "In checking.", "INFORM:account_type"),
                        turn("SYSTEM", "Your checking account has $5,118.77.", "OFFER:balance", "OFFER:account_type"),
                        turn("USER", "Thanks, that's all.", "GOODBYE"),
                        turn("SYSTEM", "Have a good day.", "GOODBYE")),
                dialogue("1_002", "Banks_1",
                        turn("USER", "I want to send money to my landlord.", "INFORM_INTENT:intent"),
                        turn("SYSTEM", "How much would you like to send?", "REQUEST:amount")),
                dialogue("1_003", "Banks_1", turn("BOT", "This turn has no valid speaker.")),
                dialogue("1_004", "Homes_1", turn("USER", "Find me a flat."), turn("SYSTEM", "Where?", "REQUEST:area")),
                // Replayed for feedback, not stored: the agent's real reply is the first dialogue's.
                dialogue("1_005", "Banks_1",
                        turn("USER", "What's my balance?", "INFORM_INTENT:intent"),
                        turn("SYSTEM", "In checking or savings?", "REQUEST:account_type")));
        shard("dev",
                // Asked exactly as in the history: its past reply must come first and count by acts.
                dialogue("2_001", "Banks_2",
                        turn("USER", "What's my balance?", "INFORM_INTENT:intent"),
                        turn("SYSTEM", "Checking or savings account?", "REQUEST:account_type")),
                // Nothing like it in the history: no past reply can carry REQUEST(city).
                dialogue("2_002", "Banks_2",
                        turn("USER", "Can you book a table for two at an Italian restaurant tonight?", "INFORM_INTENT:intent"),
                        turn("SYSTEM", "In which city?", "REQUEST:city")));
    }

    @Test
    void readsActsAndReportsDialoguesItCannotRead() throws IOException {
        writeFixture();
        DialogueSet train = SgdDialogues.read(folder, SgdDialogues.TRAIN);
        assertEquals(List.of("1_001", "1_002", "1_005"), train.dialogues().stream().map(Dialogue::id).toList(),
                "only well-formed Banks_1 dialogues");
        assertEquals(1, train.problems().size(), train.problems().toString());
        assertTrue(train.problems().get(0).contains("1_003") && train.problems().get(0).contains("BOT"), train.problems().toString());
        assertEquals(Set.of("OFFER(balance)", "OFFER(account_type)"), train.dialogues().get(0).turns().get(3).acts());
        assertEquals(3, train.dialogues().get(0).answeringTurns());

        Files.writeString(folder.resolve("dev").resolve("dialogues_002.json"), "[{not json");
        DialogueSet dev = SgdDialogues.read(folder, SgdDialogues.REPLAYED.get(0));
        assertEquals(2, dev.dialogues().size());
        assertTrue(dev.problems().stream().anyMatch(p -> p.startsWith("dialogues_002.json: not JSON")), dev.problems().toString());
    }

    @Test
    void replaysDialoguesThroughTheDeskAndScoresTheRealReply() throws IOException {
        writeFixture();
        DialogueSet train = SgdDialogues.read(folder, SgdDialogues.TRAIN);
        DialogueSet history = new DialogueSet("history", train.dialogues().subList(0, 2), train.problems(), true);
        DialogueSet feedback = new DialogueSet("feedback", train.dialogues().subList(2, 3), List.of(), true);
        DialogueSet dev = SgdDialogues.read(folder, SgdDialogues.REPLAYED.get(0));
        ReplayEvaluation.Plan plan = new ReplayEvaluation.Plan("fixture", history, feedback, List.of(dev));
        assertEquals(1 + 2 * 2, plan.suggestedTurns(), "the feedback turn once, the two dev turns by confidence and re-ranked");
        assertEquals(2, new ReplayEvaluation.Plan("fixture", history, new DialogueSet("none", List.of(), List.of(), true),
                List.of(dev)).suggestedTurns(), "no feedback, no re-ranked pass");

        try (EncoderService service = EncoderService.start(EncoderSettings.defaults(Optional.empty()));
             Tandem tandem = Tandem.start(folder.resolve("data"), Progress.NONE, false)) {
            assertTrue(tandem.knowledgeBase.useEncoders(Encoders.semantic(service), Progress.NONE));
            ReplayDesk desk = new ReplayDesk(tandem.conversations, tandem.assist, tandem.replies, tandem.smartReplies,
                    tandem.knowledgeBase.encoders().forLanguage("en").orElseThrow());
            ReplayEvaluation.Report report = ReplayEvaluation.run(desk, plan, Progress.NONE);

            assertEquals(2, report.historyDialogues());
            assertEquals(4, report.historyReplies());
            assertTrue(tandem.smartReplies.entries().stream().anyMatch(e -> e.text().equals("In checking or savings?")),
                    "the allowlist was built from the stored history");
            assertEquals(1, report.feedbackTurns());
            assertEquals(1, report.feedbackUsed(), "the feedback turn's real reply was suggested and used");
            ReplayEvaluation.RankerTraining ranker = report.training().orElseThrow();
            assertFalse(ranker.promoted(), "one feedback turn is far below the 30 needed: " + ranker.summary());

            Set<String> rankings = report.rows().stream().map(ReplayEvaluation.Row::ranker).collect(Collectors.toSet());
            assertEquals(Set.of("confidence", "re-ranked (not promoted)"), rankings);
            ReplayEvaluation.Row byConfidence = report.rows().get(0);
            assertEquals("confidence", byConfidence.ranker());
            assertEquals(2, byConfidence.dialogues());
            assertEquals(2, byConfidence.turns());
            assertEquals(0.5, byConfidence.actsAt1(), 1e-9, "the balance question's past reply first, by acts; the restaurant one missed");
            assertEquals(0.5, byConfidence.actsAt3(), 1e-9);
            assertEquals(0.5, byConfidence.reachable(), 1e-9, "REQUEST(city) is nowhere in the history");
            assertTrue(byConfidence.textAt3() <= 1.0 && byConfidence.abstained() <= 0.5, byConfidence.toString());
            assertEquals(1, report.problems().size(), report.problems().toString());
            assertTrue(report.problems().get(0).contains("dialogue 1_003"), report.problems().toString());
        }
    }
}
