package app.tandem.eval;

import java.util.List;

/**
 * Dialogues read from one dataset file or folder, with what could not be read (one line per skipped
 * file or dialogue, so a bad shard is reported rather than silently shrinking the figures).
 * {@code hasActs} is false when the dataset has no dialogue-act labels: only the text criterion applies.
 */
public record DialogueSet(String name, List<Dialogue> dialogues, List<String> problems, boolean hasActs) {

    public DialogueSet {
        dialogues = List.copyOf(dialogues);
        problems = List.copyOf(problems);
    }

    public long answeringTurns() {
        return dialogues.stream().mapToLong(Dialogue::answeringTurns).sum();
    }
}
