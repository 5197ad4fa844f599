package app.tandem.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.tandem.nlp.entities.Entity;
import app.tandem.nlp.entities.EntityExtractor;
import app.tandem.privacy.Redactor;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Redaction where text leaves the conversation (logs, training data) and masking on screen by role. */
class PersonalDataMaskingTest {

    private final EntityExtractor extractor = new EntityExtractor(Clock.systemUTC());

    @Test
    void namesWithATitleOrIntroducedAreMasked() {
        assertEquals("this is [name] calling", Redactor.redact("this is Mr John Smith calling"));
        assertEquals("my name is [name], card [card]", Redactor.redact("my name is Emma Clarke, card 4539 1488 0343 6467"));
        assertEquals("我叫[name]，卡丢了", Redactor.redact("我叫王小明，卡丢了"));
        assertEquals("[name]女士的卡丢了", Redactor.redact("李女士的卡丢了"));
        assertEquals("I lost my card in March", Redactor.redact("I lost my card in March"));
    }

    @Test
    void foundEntitiesAreMaskedToo() {
        String text = "请帮李娜查一下，卡4539148803436467被盗刷了";
        List<Entity> entities = extractor.extract(text);
        String redacted = Redactor.redact(text, entities);
        assertFalse(redacted.contains("李娜"), redacted);
        assertFalse(redacted.contains("4539"), redacted);
        assertTrue(redacted.contains("被盗刷了"), redacted);
    }

    @Test
    void logLinesAreRedacted() {
        LoggerContext context = new LoggerContext();
        Logger logger = context.getLogger("test");
        LoggingEvent event = new LoggingEvent("test", logger, Level.INFO, "customer said: {}", null,
                new Object[] {"card 4539 1488 0343 6467, call 07700 900123"});
        RedactingMessageConverter converter = new RedactingMessageConverter();
        converter.setContext(context);
        converter.start();
        assertEquals("customer said: card [card], call [phone]", converter.convert(event));
    }

    @Test
    void agentsSeeCardsAsLastFourAndNoIdsSupervisorsSeeIds() {
        String text = "card 4539 1488 0343 6467, 身份证11010519491231002X, IBAN GB82 WEST 1234 5698 7654 32, 07700 900123";
        List<Entity> entities = extractor.extract(text);
        String agent = PiiPolicy.forRole(Role.AGENT).display(text, entities);
        assertTrue(agent.contains("\u2022\u2022\u2022\u2022 6467"), agent);
        assertFalse(agent.contains("4539"), agent);
        assertFalse(agent.contains("11010519491231002X"), agent);
        assertTrue(agent.contains("[id]"), agent);
        assertTrue(agent.contains("\u2022\u2022\u2022\u2022 5432"), agent);
        assertTrue(agent.contains("07700 900123"), "agents need the phone number: " + agent);

        String supervisor = PiiPolicy.forRole(Role.SUPERVISOR).display(text, entities);
        assertFalse(supervisor.contains("4539"), "no one sees a full card number: " + supervisor);
        assertTrue(supervisor.contains("11010519491231002X"), supervisor);
        assertTrue(supervisor.contains("GB82 WEST 1234 5698 7654 32"), supervisor);
    }
}
