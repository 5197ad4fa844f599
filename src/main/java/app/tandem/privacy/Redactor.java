package app.tandem.privacy;

import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks personal data in text that Tandem keeps beyond the conversation (learned questions, logs,
 * exports): card numbers (Luhn-checked), IBANs (mod-97), Chinese resident IDs (checksum), e-mail
 * addresses, phone numbers, sort codes, account numbers, and names written with a title or introduced
 * ("Mr Smith", "my name is …", 王先生, 我叫…). Checksums keep ordinary numbers — amounts, dates, order
 * counts — readable. Where the entity extractor has run, {@link #redact(String, List)} also masks what it
 * found (Chinese names without a title). Logs go through security's {@code RedactingMessageConverter}.
 * This package sits below nlp and security, which both mask with it, so it knows neither.
 */
public final class Redactor {

    private record Rule(Pattern pattern, Predicate<String> valid, String mask) {}

    private static final Rule[] RULES = {
        new Rule(Pattern.compile("[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+"), s -> true, "[email]"),
        new Rule(Pattern.compile("(?<![\\dA-Za-z])\\d{17}[\\dXx](?![\\dA-Za-z])"), Redactor::validResidentId, "[id]"),
        new Rule(Pattern.compile("\\b[A-Z]{2}\\d{2}(?: ?[A-Z0-9]){11,30}\\b"), Redactor::validIban, "[iban]"),
        new Rule(Pattern.compile("(?<![\\d.,])(?:\\d[ -]?){12,18}\\d(?!\\d|[.,]\\d)"), Redactor::validCard, "[card]"),
        new Rule(Pattern.compile("(?<![\\d+])(?:\\+44 ?7\\d{3}|07\\d{3}) ?\\d{3} ?\\d{3}(?!\\d)"), s -> true, "[phone]"),
        new Rule(Pattern.compile("(?<![\\d+])(?:\\+86 ?)?1[3-9]\\d{9}(?!\\d)"), s -> true, "[phone]"),
        new Rule(Pattern.compile("\\+\\d{1,3}[ -]?\\d(?:[ -]?\\d){6,12}(?!\\d)"), s -> true, "[phone]"),
        new Rule(Pattern.compile("(?<![\\d-])\\d{2}-\\d{2}-\\d{2}(?![\\d-])"), s -> true, "[sort code]"),
        new Rule(Pattern.compile("(?<![\\d.,])\\d{8}(?![\\d.,])"), s -> true, "[account]"),
        // Names a customer writes with a title or introduces ("Mr Smith", "my name is Emma Clarke", 王先生, 我叫李娜).
        new Rule(Pattern.compile("\\b(?:Mr|Mrs|Ms|Miss|Mx|Dr)\\.? [A-Z][a-z]+(?:[-'][A-Z][a-z]+)?(?: [A-Z][a-z]+)?"), s -> true, "[name]"),
        new Rule(Pattern.compile("(?<=(?i:my name is|my name's) )[A-Z][a-z]+(?: [A-Z][a-z]+)?"), s -> true, "[name]"),
        new Rule(Pattern.compile("(?<=我叫|我的名字是|户名是)\\p{IsHan}{2,3}"), s -> true, "[name]"),
        new Rule(Pattern.compile("\\p{IsHan}(?=先生|女士|小姐)"), s -> true, "[name]"),
    };

    private Redactor() {}

    public static String redact(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String out = text;
        for (Rule rule : RULES) {
            Matcher m = rule.pattern().matcher(out);
            StringBuilder sb = new StringBuilder();
            while (m.find()) {
                m.appendReplacement(sb, rule.valid().test(m.group()) ? Matcher.quoteReplacement(rule.mask())
                        : Matcher.quoteReplacement(m.group()));
            }
            m.appendTail(sb);
            out = sb.toString();
        }
        return out;
    }

    static boolean validCard(String candidate) {
        return Checksums.validCard(candidate);
    }

    static boolean validIban(String candidate) {
        return Checksums.validIban(candidate);
    }

    static boolean validResidentId(String candidate) {
        return Checksums.validResidentId(candidate);
    }

    /**
     * Masks the personal data already found in {@code text} (e.g. Chinese names, which need the name
     * recogniser), then applies every rule of {@link #redact(String)}. Use it where the entity
     * extractor's spans are at hand: training sets from agents' corrections, analytics exports.
     */
    public static String redact(String text, List<? extends FoundSpan> found) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder(text);
        found.stream()
                .filter(f -> f.personalData() && f.end() <= text.length())
                .sorted(Comparator.comparingInt(FoundSpan::start).reversed())
                .forEach(f -> sb.replace(f.start(), f.end(), f.mask()));
        return redact(sb.toString());
    }

    /** A card number shown to a person: always only its last four digits, e.g. {@code •••• 6467}. */
    public static String lastFour(String number) {
        String digits = number.replaceAll("[^0-9A-Za-z]", "");
        return "\u2022\u2022\u2022\u2022 " + (digits.length() <= 4 ? digits : digits.substring(digits.length() - 4));
    }
}
