package app.tandem.ui.common;

import app.tandem.customer.Customer;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

/** How times, waits and cards read on the desk. */
public final class Formats {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private Formats() {}

    public static String time(Instant at, ZoneId zone) {
        return TIME.format(at.atZone(zone));
    }

    public static String date(Instant at, ZoneId zone, Texts texts) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(texts.locale()).format(at.atZone(zone));
    }

    public static String dateTime(Instant at, ZoneId zone, Texts texts) {
        return date(at, zone, texts) + " " + time(at, zone);
    }

    /** "just now", "2 min", "1 h 5 min". */
    public static String waiting(Duration wait, Texts texts) {
        long minutes = Math.max(0, wait.toMinutes());
        if (minutes < 1) {
            return texts.get("wait.justNow");
        }
        if (minutes < 60) {
            return texts.format("wait.minutes", minutes);
        }
        return texts.format("wait.hours", minutes / 60, minutes % 60);
    }

    /** "Visa debit •••• 4821", with the card's status when it is not active. */
    public static String card(Customer.Card card) {
        String text = card.type() + " \u2022\u2022\u2022\u2022 " + card.last4();
        return card.status() == null || card.status().isBlank() || card.status().equalsIgnoreCase("active")
                ? text : text + " (" + card.status() + ")";
    }
}
