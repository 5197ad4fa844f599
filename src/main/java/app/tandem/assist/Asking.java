package app.tandem.assist;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Whether a customer's turn asks something: a question mark, an English question word or auxiliary at its
 * start, a Chinese question word or a final 吗/呢. It tells a vague follow-up ("OK, and then?", 好，然后呢？),
 * which asks for more about the open question, from small talk ("great, thank you, bye", 好的，谢谢), which
 * does not: sentence vectors put the two close together.
 */
final class Asking {

    private static final Pattern ENGLISH_START = Pattern.compile(
            "^((and|so|but|ok|okay|right|then)\\s+)*(what|how|why|when|where|which|who|whose|can|could|would|will|should|shall|is|are|am|do|does|did|"
                    + "may|might|have|has)\\b.*");
    private static final List<String> CHINESE_WORDS = List.of("什么", "怎么", "为什么", "如何", "哪", "多久", "多少",
            "能不能", "可不可以", "是不是", "有没有");

    private Asking() {}

    static boolean asks(String turn) {
        String text = turn.strip();
        if (text.isEmpty()) {
            return false;
        }
        if (text.indexOf('?') >= 0 || text.indexOf('？') >= 0) {
            return true;
        }
        String clause = lastClause(text).toLowerCase(Locale.ROOT);
        return ENGLISH_START.matcher(clause).matches() || clause.endsWith("吗") || clause.endsWith("呢")
                || CHINESE_WORDS.stream().anyMatch(clause::contains);
    }

    /** The last sentence or clause, where a question usually stands ("ok thanks. and what now"). */
    private static String lastClause(String text) {
        String trimmed = text.replaceAll("[.!。！…~～\\s]+$", "");
        int cut = Math.max(Math.max(trimmed.lastIndexOf('.'), trimmed.lastIndexOf('!')),
                Math.max(Math.max(trimmed.lastIndexOf(','), trimmed.lastIndexOf('，')),
                        Math.max(trimmed.lastIndexOf('。'), trimmed.lastIndexOf('！'))));
        return trimmed.substring(cut + 1).strip();
    }
}
