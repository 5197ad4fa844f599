package app.tandem.eval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads the ABCD sample ({@code abcd_sample.json}: {@code original} = [speaker, text] pairs). ABCD has
 * no dialogue acts for agent turns, so only the text criterion applies; "action" turns are the agent's
 * button presses in their tools ("Account has been pulled up for …"), not words to the customer, and
 * are left out.
 */
public final class AbcdDialogues {

    private AbcdDialogues() {}

    public static DialogueSet read(Path file) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(file.toFile());
        } catch (JsonProcessingException e) {
            return new DialogueSet("abcd sample", List.of(), List.of(file.getFileName() + ": not JSON (" + e.getOriginalMessage() + ")"), false);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
        List<Dialogue> dialogues = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (JsonNode d : root) {
            String id = d.path("convo_id").asText("?");
            List<Dialogue.Turn> turns = new ArrayList<>();
            for (JsonNode pair : d.path("original")) {
                String speaker = pair.path(0).asText("");
                String text = pair.path(1).asText("").strip();
                if ((speaker.equals("agent") || speaker.equals("customer")) && !text.isEmpty()) {
                    turns.add(new Dialogue.Turn(speaker.equals("agent"), text, Set.of()));
                }
            }
            if (turns.isEmpty()) {
                problems.add("conversation " + id + ": no agent or customer turns");
            } else {
                dialogues.add(new Dialogue(id, d.path("scenario").path("flow").asText("abcd"), turns));
            }
        }
        return new DialogueSet("abcd sample", dialogues, problems, false);
    }
}
