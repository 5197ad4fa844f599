package app.tandem;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * A test class that loads the real models, trains, or opens the desk's window (TestFX): seconds to minutes each.
 * {@code mvn -B verify} runs them with the rest; the fast loop ({@code mvn -B -Pfast test}) leaves them out.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("slow")
public @interface Slow {
}
