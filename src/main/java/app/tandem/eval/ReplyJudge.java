package app.tandem.eval;

import app.tandem.assist.Suggestion;
import app.tandem.assist.SuggestionSource;
import app.tandem.nlp.TextEncoder;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Decides whether a suggestion is the reply the agent really sent, two ways. By acts: a past reply
 * carries the dialogue acts of the agent turn it was taken from, and it is the same reply when its
 * act set equals the real turn's (exact text is too strict: SGD's slot values differ from dialogue to
 * dialogue). By text: cosine of the two texts with the product's encoder at least {@link #SAME_TEXT};
 * this one also lets article and macro replies count.
 */
final class ReplyJudge {

    /**
     * Cosine (all-MiniLM-L6-v2) from which two agent replies say the same thing. A stated bar, not
     * fitted: "Your checking account has $5,118.77." and "Your savings balance is $300." must not need
     * the same values, but "Anything else?" and "Goodbye" must stay apart.
     */
    static final double SAME_TEXT = 0.80;

    private final Map<String, Set<String>> actsOfPastReply;
    private final TextEncoder encoder;

    /** {@code actsOfPastReply}: the text of each reply in the history → the acts of the turn it was. */
    ReplyJudge(Map<String, Set<String>> actsOfPastReply, TextEncoder encoder) {
        this.actsOfPastReply = actsOfPastReply;
        this.encoder = encoder;
    }

    /**
     * Ranks (1-based, 0 = none of them) of the first suggestion matching the real reply by acts and by
     * text, and the suggestion an agent would have picked: the first match by acts, else by text.
     */
    record Verdict(int actsRank, int textRank, Optional<Suggestion> used) {}

    Verdict judge(List<Suggestion> shown, Dialogue.Turn real) {
        int byActs = 0;
        int byText = 0;
        float[] realVector = null;
        for (int i = 0; i < shown.size(); i++) {
            Suggestion s = shown.get(i);
            if (byActs == 0 && sameActs(s, real)) {
                byActs = i + 1;
            }
            if (byText == 0) {
                realVector = realVector == null ? encoder.encodePassage(real.text()) : realVector;
                if (cosine(encoder.encodePassage(s.text()), realVector) >= SAME_TEXT) {
                    byText = i + 1;
                }
            }
        }
        int pick = byActs > 0 ? byActs : byText;
        return new Verdict(byActs, byText, pick == 0 ? Optional.empty() : Optional.of(shown.get(pick - 1)));
    }

    private boolean sameActs(Suggestion s, Dialogue.Turn real) {
        if (s.source() != SuggestionSource.HISTORY || real.acts().isEmpty()) {
            return false;
        }
        return real.acts().equals(actsOfPastReply.get(s.text().strip()));
    }

    static double cosine(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length && i < b.length; i++) {
            dot += (double) a[i] * b[i];
            na += (double) a[i] * a[i];
            nb += (double) b[i] * b[i];
        }
        return na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
    }
}
