package app.tandem.assist;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/** Words of a text for keyword matching without vectors: Latin words and Han character pairs. */
final class Keywords {

    private static final Set<String> STOP = Set.of("the", "a", "an", "my", "i", "is", "it", "to", "of", "and", "in", "on",
            "me", "you", "can", "do", "for", "with", "this", "that", "was", "please", "hi", "what", "how", "there");

    private Keywords() {}

    static Set<String> of(String text) {
        Set<String> words = new HashSet<>();
        String cut = Vectors.cut(text).toLowerCase(Locale.ROOT);
        StringBuilder latin = new StringBuilder();
        int previousHan = -1;
        for (int i = 0; i < cut.length(); ) {
            int cp = cut.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN) {
                if (previousHan >= 0) {
                    words.add(new String(Character.toChars(previousHan)) + new String(Character.toChars(cp)));
                }
                previousHan = cp;
                flush(latin, words);
            } else {
                previousHan = -1;
                if (Character.isLetterOrDigit(cp)) {
                    latin.appendCodePoint(cp);
                } else {
                    flush(latin, words);
                }
            }
        }
        flush(latin, words);
        return words;
    }

    private static void flush(StringBuilder latin, Set<String> words) {
        if (latin.length() > 1 && !STOP.contains(latin.toString())) {
            words.add(latin.toString());
        }
        latin.setLength(0);
    }

    /** The share of {@code target}'s words that {@code query} contains. */
    static double coverage(Set<String> query, Set<String> target) {
        if (target.isEmpty()) {
            return 0;
        }
        int hit = 0;
        for (String w : target) {
            if (query.contains(w)) {
                hit++;
            }
        }
        return (double) hit / target.size();
    }

    static double jaccard(Set<String> a, Set<String> b) {
        if (a.isEmpty() && b.isEmpty()) {
            return 1;
        }
        Set<String> union = new HashSet<>(a);
        union.addAll(b);
        int inter = 0;
        for (String w : a) {
            if (b.contains(w)) {
                inter++;
            }
        }
        return (double) inter / union.size();
    }
}
