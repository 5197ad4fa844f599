package app.tandem.nlp.entities;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the conversation has established so far, by slot name, for macros to fill
 * ({@code "Your card ending {card.last4} is blocked"}). The latest mention wins. Thread-safe.
 *
 * <p>Slots: {@code card.last4}, {@code iban.last4}, {@code account.last4}, {@code sort.code},
 * {@code amount} ({@code 12.50 GBP}), {@code amount.value}, {@code amount.currency}, {@code date}
 * (ISO), {@code reference}, {@code order}, {@code name}, {@code phone.last4}, {@code email}.
 * Full card, account and ID numbers are never kept here: a macro needs only the last four.
 */
public final class ConversationSlots {

    public static final String CARD_LAST4 = "card.last4";
    public static final String AMOUNT = "amount";
    public static final String DATE = "date";
    public static final String REFERENCE = "reference";
    public static final String ORDER = "order";
    public static final String NAME = "name";

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z0-9.]+)}");

    private final Map<String, String> values = new LinkedHashMap<>();

    /** Takes the values of a turn's entities. */
    public synchronized void fill(List<Entity> entities) {
        for (Entity e : entities) {
            switch (e.type()) {
                case CARD_NUMBER -> values.put(CARD_LAST4, last4(e.value()));
                case IBAN -> values.put("iban.last4", last4(e.value()));
                case ACCOUNT_NUMBER -> values.put("account.last4", last4(e.value()));
                case SORT_CODE -> values.put("sort.code", e.value());
                case PHONE -> values.put("phone.last4", last4(e.value()));
                case EMAIL -> values.put("email", e.value());
                case AMOUNT -> {
                    values.put(AMOUNT, e.value());
                    String[] parts = e.value().split(" ");
                    values.put("amount.value", parts[0]);
                    values.put("amount.currency", parts.length > 1 ? parts[1] : "");
                }
                case DATE -> values.put(DATE, e.value());
                case ORDER_REF -> {
                    values.put(ORDER, e.value());
                    values.put(REFERENCE, e.value());
                }
                case TRANSACTION_REF -> values.put(REFERENCE, e.value());
                case PERSON -> values.put(NAME, e.value());
                case RESIDENT_ID -> values.put("id.last4", last4(e.value()));
                default -> { }
            }
        }
    }

    public synchronized Optional<String> get(String slot) {
        return Optional.ofNullable(values.get(slot));
    }

    public synchronized void put(String slot, String value) {
        values.put(slot, value);
    }

    public synchronized void remove(String slot) {
        values.remove(slot);
    }

    public synchronized Map<String, String> asMap() {
        return Map.copyOf(values);
    }

    /** Replaces {@code {slot}} placeholders with known values; unknown ones stay as written. */
    public synchronized String fill(String template) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, Matcher.quoteReplacement(values.getOrDefault(m.group(1), m.group())));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private static String last4(String digits) {
        return digits.length() <= 4 ? digits : digits.substring(digits.length() - 4);
    }
}
