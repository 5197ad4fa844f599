package app.tandem.security;

import app.tandem.privacy.Redactor;
import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * Logback's {@code %msg} with personal data masked, so a log line that quotes a customer never holds
 * a card number, ID or phone number. Registered in {@code logback.xml} as the {@code msg} conversion word,
 * which makes it the default for every appender.
 */
public final class RedactingMessageConverter extends MessageConverter {

    @Override
    public String convert(ILoggingEvent event) {
        return Redactor.redact(super.convert(event));
    }
}
