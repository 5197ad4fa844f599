package app.tandem.assist.escalation;

import app.tandem.nlp.Language;
import java.util.Optional;

/**
 * Names the intent of a customer turn. The desk uses {@link KeywordIntentSource} until the trained
 * intent classifier (nlp.intent) is wired in: an adapter implementing this interface is all it takes.
 * Implementations are thread-safe and may block (inference): they are called off the FX thread.
 */
public interface IntentSource {

    Optional<DetectedIntent> detect(String text, Language language);
}
