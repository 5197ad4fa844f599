package app.tandem.nlp.entities;

import app.tandem.privacy.FoundSpan;

/**
 * A span of text that names something the conversation can use.
 *
 * @param type  what it is
 * @param text  the text as written
 * @param start index of the first char in the turn
 * @param end   index after the last char
 * @param value the normalised value: digits only for card, account and phone numbers, upper case without
 *              spaces for IBANs, {@code 12.50 GBP} for amounts, ISO {@code 2026-03-03} for dates,
 *              {@code A12345} for references, the name for people
 */
public record Entity(EntityType type, String text, int start, int end, String value) implements FoundSpan {

    public Entity {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad span " + start + ".." + end);
        }
    }

    public boolean overlaps(Entity other) {
        return start < other.end && other.start < end;
    }

    public int length() {
        return end - start;
    }

    @Override
    public boolean personalData() {
        return type.personalData();
    }

    @Override
    public String mask() {
        return type.mask();
    }
}
