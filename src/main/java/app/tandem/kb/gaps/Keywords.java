package app.tandem.kb.gaps;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/** The content words of a text, for grouping by shared words when no language model is loaded. */
final class Keywords {

    private static final Set<String> STOP = Set.of("the", "and", "for", "you", "your", "are", "was", "were", "but", "not",
            "have", "has", "had", "can", "could", "would", "will", "with", "this", "that", "what", "when", "where", "why",
            "how", "who", "does", "did", "from", "into", "there", "they", "them", "then", "than", "just", "please", "hello",
            "thanks", "thank", "its", "it's", "i'm", "i've", "don't", "can't", "any", "all", "about", "still", "yet", "been",
            "our", "out", "get", "got", "need", "want", "help", "hi", "my", "me", "is", "it", "to", "of", "a", "an", "in",
            "on", "at", "do", "be", "or", "so", "if", "we", "he", "she");

    private Keywords() {}

    static Set<String> of(String text) {
        Set<String> words = new HashSet<>();
        StringBuilder han = new StringBuilder();
        for (String w : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}']+")) {
            if (w.isEmpty()) {
                continue;
            }
            if (w.codePoints().anyMatch(Keywords::isHan)) {
                han.append(w).append(' ');
                continue;
            }
            if (w.length() >= 3 && !STOP.contains(w)) {
                words.add(w.endsWith("s") && w.length() > 4 ? w.substring(0, w.length() - 1) : w);
            }
        }
        // Chinese has no spaces: overlapping character pairs stand in for words.
        int[] cps = han.codePoints().filter(Keywords::isHan).toArray();
        for (int i = 0; i + 1 < cps.length; i++) {
            words.add(new String(cps, i, 2));
        }
        return words;
    }

    /** Dice coefficient: twice the shared words over both sizes, kinder than Jaccard to short questions. */
    static double dice(Set<String> a, Set<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        int shared = 0;
        for (String w : a) {
            if (b.contains(w)) {
                shared++;
            }
        }
        return 2.0 * shared / (a.size() + b.size());
    }

    static boolean isHan(int codePoint) {
        return Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.HAN;
    }

    static String language(String text) {
        return text.codePoints().anyMatch(Keywords::isHan) ? "zh" : "en";
    }
}
