package app.tandem.eval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Reads Schema-Guided Dialogue shards (sgd-banks: {@code train|dev|test/dialogues_NNN.json}). Only the
 * dialogues about one given service are kept (the shards mix banking with homes, travel, …). A
 * SYSTEM turn's acts are "ACT(slot)" from all its frames; the slot values are left out on purpose:
 * "Your checking account has $5,118.77" and "… has $300" are the same reply for an agent.
 */
public final class SgdDialogues {

    /** A split folder of the dataset and the one service whose dialogues are taken from it. */
    public record Shard(String split, String service) {}

    /** sgd-banks (see its SOURCE.md): the train shard holds Banks_1, dev Banks_2, test Payment_1. */
    public static final Shard TRAIN = new Shard("train", "Banks_1");
    public static final List<Shard> REPLAYED = List.of(new Shard("dev", "Banks_2"), new Shard("test", "Payment_1"));

    private static final ObjectMapper JSON = new ObjectMapper();

    private SgdDialogues() {}

    /** The shard's dialogues under the dataset folder {@code sgd}. */
    public static DialogueSet read(Path sgd, Shard shard) {
        DialogueSet set = read(sgd.resolve(shard.split()), shard.service());
        return new DialogueSet(shard.split() + " " + shard.service(), set.dialogues(), set.problems(), true);
    }

    /** The single-service dialogues of {@code service} in every {@code dialogues_*.json} of {@code folder}. */
    public static DialogueSet read(Path folder, String service) {
        List<Path> files;
        try (Stream<Path> listing = Files.list(folder)) {
            files = listing.filter(p -> p.getFileName().toString().matches("dialogues_.*\\.json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + folder, e);
        }
        List<Dialogue> dialogues = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        if (files.isEmpty()) {
            problems.add(folder + ": no dialogues_*.json file");
        }
        for (Path file : files) {
            JsonNode root;
            try {
                root = JSON.readTree(file.toFile());
            } catch (JsonProcessingException e) {
                problems.add(file.getFileName() + ": not JSON (" + e.getOriginalMessage() + ")");
                continue;
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + file, e);
            }
            if (!root.isArray()) {
                problems.add(file.getFileName() + ": expected a list of dialogues");
                continue;
            }
            for (JsonNode d : root) {
                JsonNode services = d.path("services");
                if (services.size() != 1 || !services.get(0).asText().equals(service)) {
                    continue;
                }
                String id = d.path("dialogue_id").asText("?");
                try {
                    dialogues.add(new Dialogue(id, service, turns(d.path("turns"))));
                } catch (IllegalArgumentException e) {
                    problems.add(file.getFileName() + ": dialogue " + id + ": " + e.getMessage());
                }
            }
        }
        return new DialogueSet(folder.getFileName() + " " + service, dialogues, problems, true);
    }

    private static List<Dialogue.Turn> turns(JsonNode turns) {
        if (!turns.isArray() || turns.isEmpty()) {
            throw new IllegalArgumentException("no turns");
        }
        List<Dialogue.Turn> out = new ArrayList<>();
        int n = 0;
        for (JsonNode t : turns) {
            n++;
            String speaker = t.path("speaker").asText("");
            String text = t.path("utterance").asText("").strip();
            if (!speaker.equals("USER") && !speaker.equals("SYSTEM")) {
                throw new IllegalArgumentException("turn " + n + " has speaker \"" + speaker + "\", not USER or SYSTEM");
            }
            if (text.isEmpty()) {
                throw new IllegalArgumentException("turn " + n + " has no utterance");
            }
            boolean agent = speaker.equals("SYSTEM");
            out.add(new Dialogue.Turn(agent, text, agent ? acts(t.path("frames")) : Set.of()));
        }
        return out;
    }

    private static Set<String> acts(JsonNode frames) {
        Set<String> acts = new TreeSet<>();
        for (JsonNode frame : frames) {
            for (JsonNode a : frame.path("actions")) {
                acts.add(a.path("act").asText() + "(" + a.path("slot").asText("") + ")");
            }
        }
        return acts;
    }
}
