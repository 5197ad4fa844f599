package app.tandem.privacy;

/**
 * A stretch of a text that a recogniser found (a name, a card number, an amount…), as the redactor
 * needs it: where it is, whether it is personal data, and what is written instead. The entity
 * extractor's {@code Entity} is one; privacy sits below nlp, so it names the shape, not the class.
 */
public interface FoundSpan {

    /** Index of the first char in the text. */
    int start();

    /** Index after the last char. */
    int end();

    boolean personalData();

    /** The placeholder written instead of the text when masked, e.g. {@code [card]}. */
    String mask();
}
