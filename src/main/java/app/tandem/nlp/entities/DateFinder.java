package app.tandem.nlp.entities;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates as customers write them: {@code 3 March}, {@code 3rd of March 2026}, {@code March 3},
 * {@code 03/03/2026} (day first, as in the UK and China), {@code 2026-03-03}, {@code 2026年3月3日},
 * {@code 3月3日}, and relative words ({@code yesterday}, {@code today}, 昨天, 前天 …) anchored on
 * {@code today}. A date without a year is taken in the current year. Impossible dates are skipped.
 */
final class DateFinder implements EntityFinder {

    private static final String MONTHS = "(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
            + "|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";
    private static final Pattern DAY_MONTH = Pattern.compile(
            "(?i)\\b(\\d{1,2})(?:st|nd|rd|th)?(?: of)? " + MONTHS + "\\b(?:,? (\\d{4}))?");
    private static final Pattern MONTH_DAY = Pattern.compile(
            "(?i)\\b" + MONTHS + " (\\d{1,2})(?:st|nd|rd|th)?\\b(?:,? (\\d{4}))?");
    private static final Pattern NUMERIC = Pattern.compile("(?<![\\d/.-])(\\d{1,2})[/.](\\d{1,2})[/.](\\d{4}|\\d{2})(?![\\d/.])");
    private static final Pattern ISO = Pattern.compile("(?<![\\d-])(\\d{4})-(\\d{2})-(\\d{2})(?![\\d-])");
    private static final Pattern CHINESE = Pattern.compile("(?:(\\d{4})年)?(\\d{1,2})月(\\d{1,2})[日号]");
    private static final Pattern RELATIVE = Pattern.compile(
            "(?i)\\b(yesterday|today|tomorrow|the day before yesterday)\\b|(大前天|前天|昨天|今天|明天|后天)");
    private static final Map<String, Integer> OFFSETS = Map.of("yesterday", -1, "today", 0, "tomorrow", 1,
            "the day before yesterday", -2, "大前天", -3, "前天", -2, "昨天", -1, "今天", 0, "明天", 1, "后天", 2);

    @Override
    public List<Entity> find(String text, LocalDate today) {
        List<Entity> out = new ArrayList<>();
        Matcher m = DAY_MONTH.matcher(text);
        while (m.find()) {
            add(out, m, year(m.group(3), today), month(m.group(2)), Integer.parseInt(m.group(1)));
        }
        m = MONTH_DAY.matcher(text);
        while (m.find()) {
            add(out, m, year(m.group(3), today), month(m.group(1)), Integer.parseInt(m.group(2)));
        }
        m = NUMERIC.matcher(text);
        while (m.find()) {
            int y = Integer.parseInt(m.group(3));
            add(out, m, y < 100 ? 2000 + y : y, Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1)));
        }
        m = ISO.matcher(text);
        while (m.find()) {
            add(out, m, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        }
        m = CHINESE.matcher(text);
        while (m.find()) {
            add(out, m, year(m.group(1), today), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        }
        m = RELATIVE.matcher(text);
        while (m.find()) {
            String word = m.group().toLowerCase(Locale.ROOT);
            LocalDate date = today.plusDays(OFFSETS.get(word));
            out.add(new Entity(EntityType.DATE, m.group(), m.start(), m.end(), date.toString()));
        }
        return out;
    }

    private static void add(List<Entity> out, Matcher m, int year, int month, int day) {
        try {
            LocalDate date = LocalDate.of(year, month, day);
            Entity e = new Entity(EntityType.DATE, m.group(), m.start(), m.end(), date.toString());
            if (out.stream().noneMatch(e::overlaps)) {
                out.add(e);
            }
        } catch (DateTimeException e) {
            // 31/02, 13/13: not a date, just numbers
        }
    }

    private static int year(String written, LocalDate today) {
        return written == null ? today.getYear() : Integer.parseInt(written);
    }

    private static int month(String name) {
        String prefix = name.substring(0, 3).toLowerCase(Locale.ROOT);
        for (Month month : Month.values()) {
            if (month.getDisplayName(TextStyle.SHORT, Locale.ENGLISH).toLowerCase(Locale.ROOT).startsWith(prefix)) {
                return month.getValue();
            }
        }
        throw new IllegalArgumentException("not a month: " + name);
    }
}
