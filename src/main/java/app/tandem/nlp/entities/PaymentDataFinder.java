package app.tandem.nlp.entities;

import app.tandem.privacy.Checksums;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Card numbers (Luhn), IBANs (mod-97), Chinese resident IDs (checksum), phone numbers (UK and
 * mainland China mobiles, international form), e-mail addresses, and sort code + account number.
 * A number that fails its checksum is not reported: it is an amount, an order count, a typo.
 */
final class PaymentDataFinder implements EntityFinder {

    private static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+");
    private static final Pattern RESIDENT_ID = Pattern.compile("(?<![\\dA-Za-z])\\d{17}[\\dXx](?![\\dA-Za-z])");
    private static final Pattern IBAN = Pattern.compile("(?<![A-Za-z0-9])[A-Z]{2}\\d{2}(?: ?[A-Z0-9]){11,30}(?![A-Za-z0-9])");
    private static final Pattern CARD = Pattern.compile("(?<![\\d.,])(?:\\d[ -]?){12,18}\\d(?!\\d|[.,]\\d)");
    private static final Pattern PHONE = Pattern.compile(
            "(?<![\\d+])(?:(?:\\+44 ?7\\d{3}|07\\d{3}) ?\\d{3} ?\\d{3}|(?:\\+86 ?)?1[3-9]\\d{9}|\\+\\d{1,3}[ -]?\\d(?:[ -]?\\d){6,12})(?!\\d)");
    private static final Pattern SORT_CODE = Pattern.compile("(?<![\\d-])(\\d{2})-(\\d{2})-(\\d{2})(?![\\d-])");
    /** Eight digits are an account number only beside a word that says so, or right after a sort code. */
    private static final Pattern ACCOUNT = Pattern.compile(
            "(?i)(?:account(?: number| no\\.?)?|acc(?:t)?\\.?|a/c|账号|账户|帐号|卡号)\\s*(?:is|:|：|是)?\\s*(\\d{8})(?![\\d.,])"
                    + "|(?<=\\d{2}-\\d{2}-\\d{2}[ ,]{1,2})(\\d{8})(?![\\d.,])");

    @Override
    public List<Entity> find(String text, LocalDate today) {
        List<Entity> out = new ArrayList<>();
        add(out, EMAIL.matcher(text), EntityType.EMAIL, m -> m.group().toLowerCase(Locale.ROOT));
        Matcher id = RESIDENT_ID.matcher(text);
        while (id.find()) {
            if (Checksums.validResidentId(id.group())) {
                out.add(new Entity(EntityType.RESIDENT_ID, id.group(), id.start(), id.end(), id.group().toUpperCase(Locale.ROOT)));
            }
        }
        Matcher iban = IBAN.matcher(text);
        while (iban.find()) {
            if (Checksums.validIban(iban.group())) {
                out.add(new Entity(EntityType.IBAN, iban.group(), iban.start(), iban.end(), iban.group().replace(" ", "")));
            }
        }
        Matcher card = CARD.matcher(text);
        while (card.find()) {
            if (Checksums.validCard(card.group())) {
                out.add(new Entity(EntityType.CARD_NUMBER, card.group(), card.start(), card.end(), digits(card.group())));
            }
        }
        add(out, PHONE.matcher(text), EntityType.PHONE, m -> (m.group().startsWith("+") ? "+" : "") + digits(m.group()));
        add(out, SORT_CODE.matcher(text), EntityType.SORT_CODE, m -> m.group(1) + m.group(2) + m.group(3));
        Matcher account = ACCOUNT.matcher(text);
        while (account.find()) {
            int g = account.group(1) != null ? 1 : 2;
            out.add(new Entity(EntityType.ACCOUNT_NUMBER, account.group(g), account.start(g), account.end(g), account.group(g)));
        }
        return out;
    }

    private static void add(List<Entity> out, Matcher m, EntityType type, java.util.function.Function<Matcher, String> value) {
        while (m.find()) {
            out.add(new Entity(type, m.group(), m.start(), m.end(), value.apply(m)));
        }
    }

    static String digits(String s) {
        return s.replaceAll("\\D", "");
    }
}
