package app.tandem.nlp.entities;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sums of money with their currency: {@code £12.50}, {@code 12.50 GBP}, {@code €20}, {@code ¥300},
 * {@code 300元}, {@code 2万元}, {@code 20 euros}. A bare number is not an amount. The value is the
 * plain decimal and the ISO code: {@code 12.50 GBP}; ¥, 元 and 块 are read as CNY.
 */
final class AmountFinder implements EntityFinder {

    private static final String NUMBER = "(\\d{1,3}(?:,\\d{3})+(?:\\.\\d{1,2})?|\\d+(?:\\.\\d{1,2})?)";
    private static final Pattern SYMBOL_FIRST = Pattern.compile("([£€$¥￥])\\s?" + NUMBER + "(万)?");
    private static final Pattern CODE_AFTER = Pattern.compile("(?<![\\d.,])" + NUMBER + "\\s?(万)?\\s?"
            + "(GBP|EUR|USD|CNY|RMB|HKD|(?i:pounds?|quid|euros?|dollars?|yuan)|元|块钱|块|人民币|英镑|欧元|美元|港币)(?![A-Za-z])");

    private static final Map<String, String> CURRENCY = Map.ofEntries(
            Map.entry("£", "GBP"), Map.entry("€", "EUR"), Map.entry("$", "USD"), Map.entry("¥", "CNY"), Map.entry("￥", "CNY"),
            Map.entry("gbp", "GBP"), Map.entry("eur", "EUR"), Map.entry("usd", "USD"), Map.entry("cny", "CNY"),
            Map.entry("rmb", "CNY"), Map.entry("hkd", "HKD"), Map.entry("pound", "GBP"), Map.entry("pounds", "GBP"),
            Map.entry("quid", "GBP"), Map.entry("euro", "EUR"), Map.entry("euros", "EUR"), Map.entry("dollar", "USD"),
            Map.entry("dollars", "USD"), Map.entry("yuan", "CNY"), Map.entry("元", "CNY"), Map.entry("块", "CNY"),
            Map.entry("块钱", "CNY"), Map.entry("人民币", "CNY"), Map.entry("英镑", "GBP"), Map.entry("欧元", "EUR"),
            Map.entry("美元", "USD"), Map.entry("港币", "HKD"));

    @Override
    public List<Entity> find(String text, LocalDate today) {
        List<Entity> out = new ArrayList<>();
        Matcher m = SYMBOL_FIRST.matcher(text);
        while (m.find()) {
            out.add(new Entity(EntityType.AMOUNT, m.group(), m.start(), m.end(), value(m.group(2), m.group(3) != null, m.group(1))));
        }
        Matcher c = CODE_AFTER.matcher(text);
        while (c.find()) {
            Entity e = new Entity(EntityType.AMOUNT, c.group(), c.start(), c.end(), value(c.group(1), c.group(2) != null, c.group(3)));
            if (out.stream().noneMatch(e::overlaps)) {
                out.add(e);
            }
        }
        return out;
    }

    private static String value(String number, boolean wan, String currency) {
        BigDecimal amount = new BigDecimal(number.replace(",", ""));
        if (wan) {
            amount = amount.multiply(BigDecimal.valueOf(10_000));
        }
        String code = CURRENCY.getOrDefault(currency.toLowerCase(Locale.ROOT), currency.toUpperCase(Locale.ROOT));
        return amount.stripTrailingZeros().toPlainString().replaceAll("^(\\d+\\.\\d)$", "$10") + " " + code;
    }
}
