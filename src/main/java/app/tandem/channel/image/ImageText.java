package app.tandem.channel.image;

import app.tandem.nlp.Language;
import java.time.Duration;

/**
 * The text read from a customer image, as the agent sees and may correct it; not yet redacted (it is the
 * customer's turn, like typed text). {@code meanConfidence} is Tesseract's, 0–100: a low one tells the agent to
 * check the text against the image.
 */
public record ImageText(String text, int meanConfidence, Language language, Duration took) {}
