package app.tandem.nlp.entities;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Order and transaction references: {@code order #A12345}, {@code order number A12345},
 * 订单号A12345, {@code ref TX-99812}, {@code reference TX-99812}, 交易号TX-99812, and a bare
 * {@code TX-99812} (two or three capitals, a dash, four or more digits). The value is upper case.
 */
final class ReferenceFinder implements EntityFinder {

    private static final String CODE = "([A-Za-z]{0,3}-?\\d{4,12}|[A-Z]{1,3}\\d{3,12})";
    private static final Pattern ORDER = Pattern.compile("(?i)(?:order(?: number| no\\.?| ref(?:erence)?)?\\s*#?\\s*:?\\s*|订单号?[:：]?\\s*)" + CODE + "(?![A-Za-z0-9])");
    private static final Pattern TRANSACTION = Pattern.compile(
            "(?i)(?:\\bref(?:erence)?(?: number| no\\.?)?\\s*[#:]?\\s*|transaction (?:id|number|ref)\\s*[#:]?\\s*|(?:交易|流水|参考)号[:：]?\\s*)"
                    + CODE + "(?![A-Za-z0-9])");
    private static final Pattern BARE = Pattern.compile("(?<![A-Za-z0-9-])([A-Z]{2,3}-\\d{4,12})(?![A-Za-z0-9])");

    @Override
    public List<Entity> find(String text, LocalDate today) {
        List<Entity> out = new ArrayList<>();
        collect(out, ORDER.matcher(text), EntityType.ORDER_REF);
        collect(out, TRANSACTION.matcher(text), EntityType.TRANSACTION_REF);
        collect(out, BARE.matcher(text), EntityType.TRANSACTION_REF);
        return out;
    }

    private static void collect(List<Entity> out, Matcher m, EntityType type) {
        while (m.find()) {
            String code = m.group(1);
            if (code.chars().noneMatch(Character::isLetter) && code.length() == 8) {
                continue; // eight bare digits after "ref" are more likely an account number
            }
            Entity e = new Entity(type, code, m.start(1), m.end(1), code.toUpperCase(Locale.ROOT));
            if (out.stream().noneMatch(e::overlaps)) {
                out.add(e);
            }
        }
    }
}
