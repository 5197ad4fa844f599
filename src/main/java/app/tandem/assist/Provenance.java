package app.tandem.assist;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Where a suggestion came from, as data rather than a sentence, so the desk can say it in the agent's
 * language: the article (title, version, the earlier customer question or the words it matched), the
 * macro (title, the phrasing it matched, values still missing) or the past reply (how often sent, how
 * similar). {@link Kind#TEXT} carries only a ready-made sentence (older callers, tests).
 */
public record Provenance(Kind kind, String title, OptionalInt version, Optional<String> phrase, List<String> words,
                         int timesSent, double similarity, String text) {

    public enum Kind { ARTICLE, MACRO, PAST_REPLY, TEXT }

    public Provenance {
        words = List.copyOf(words);
    }

    /** {@code askedBefore}: the learned customer question that matched; else {@code matchedWords}. */
    static Provenance article(String title, int version, Optional<String> askedBefore, List<String> matchedWords, String text) {
        return new Provenance(Kind.ARTICLE, title, OptionalInt.of(version), askedBefore, matchedWords, 0, 0, text);
    }

    /** {@code gaps}: the marked gaps ("⟨card last 4⟩") the agent must fill in before sending. */
    static Provenance macro(String title, String matchedPhrasing, List<String> gaps, String text) {
        return new Provenance(Kind.MACRO, title, OptionalInt.empty(), Optional.of(matchedPhrasing), gaps, 0, 0, text);
    }

    static Provenance pastReply(int timesSent, double similarity, String text) {
        return new Provenance(Kind.PAST_REPLY, "", OptionalInt.empty(), Optional.empty(), List.of(), timesSent, similarity, text);
    }

    public static Provenance text(String text) {
        return new Provenance(Kind.TEXT, "", OptionalInt.empty(), Optional.empty(), List.of(), 0, 0, text);
    }
}
