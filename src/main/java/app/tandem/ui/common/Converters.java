package app.tandem.ui.common;

import java.util.function.Function;
import javafx.util.StringConverter;

/**
 * Converters for choice boxes that only show their values: nothing is ever typed into them, so
 * {@code fromString} has nothing to parse.
 */
public final class Converters {

    private Converters() {}

    /** Shows each value as {@code toText} words it; no value shows as nothing. */
    public static <T> StringConverter<T> converter(Function<T, String> toText) {
        return converter(toText, "");
    }

    /** Shows each value as {@code toText} words it; no value (the filter's "all") shows as {@code none}. */
    public static <T> StringConverter<T> converter(Function<T, String> toText, String none) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? none : toText.apply(value);
            }

            @Override
            public T fromString(String s) {
                return null;
            }
        };
    }
}
