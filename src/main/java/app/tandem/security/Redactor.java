package app.tandem.security;

import java.math.BigInteger;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks personal data in text that Tandem keeps beyond the conversation (learned questions, logs,
 * exports): card numbers (Luhn-checked), IBANs (mod-97), Chinese resident IDs (checksum), e-mail
 * addresses, phone numbers, sort codes and account numbers. Checksums keep ordinary numbers —
 * amounts, dates, order counts — readable.
 */
public final class Redactor {

    private record Rule(Pattern pattern, Predicate<String> valid, String mask) {}

    private static final Rule[] RULES = {
        new Rule(Pattern.compile("[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+"), s -> true, "[email]"),
        new Rule(Pattern.compile("(?<![\\dA-Za-z])\\d{17}[\\dXx](?![\\dA-Za-z])"), Redactor::validResidentId, "[id]"),
        new Rule(Pattern.compile("\\b[A-Z]{2}\\d{2}(?: ?[A-Z0-9]){11,30}\\b"), Redactor::validIban, "[iban]"),
        new Rule(Pattern.compile("(?<!\\d)(?:\\d[ -]?){12,18}\\d(?!\\d)"), Redactor::validCard, "[card]"),
        new Rule(Pattern.compile("(?<![\\d+])(?:\\+44 ?7\\d{3}|07\\d{3}) ?\\d{3} ?\\d{3}(?!\\d)"), s -> true, "[phone]"),
        new Rule(Pattern.compile("(?<![\\d+])(?:\\+86 ?)?1[3-9]\\d{9}(?!\\d)"), s -> true, "[phone]"),
        new Rule(Pattern.compile("\\+\\d{1,3}[ -]?\\d(?:[ -]?\\d){6,12}(?!\\d)"), s -> true, "[phone]"),
        new Rule(Pattern.compile("(?<![\\d-])\\d{2}-\\d{2}-\\d{2}(?![\\d-])"), s -> true, "[sort code]"),
        new Rule(Pattern.compile("(?<![\\d.,])\\d{8}(?![\\d.,])"), s -> true, "[account]"),
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
        String digits = candidate.replaceAll("[ -]", "");
        if (digits.length() < 13 || digits.length() > 19) {
            return false;
        }
        int sum = 0;
        boolean twice = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (twice) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            twice = !twice;
        }
        return sum % 10 == 0;
    }

    static boolean validIban(String candidate) {
        String iban = candidate.replace(" ", "");
        String rearranged = iban.substring(4) + iban.substring(0, 4);
        StringBuilder numeric = new StringBuilder();
        for (char c : rearranged.toCharArray()) {
            numeric.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
        }
        return new BigInteger(numeric.toString()).mod(BigInteger.valueOf(97)).intValue() == 1;
    }

    /** GB 11643-1999: weighted sum of the first 17 digits gives the check character. */
    static boolean validResidentId(String candidate) {
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        String checks = "10X98765432";
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (candidate.charAt(i) - '0') * weights[i];
        }
        return Character.toUpperCase(candidate.charAt(17)) == checks.charAt(sum % 11);
    }
}
