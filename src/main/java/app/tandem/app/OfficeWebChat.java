package app.tandem.app;

import app.tandem.channel.image.ImageTextReader;
import app.tandem.conversation.ConversationService;
import app.tandem.security.IntegrationTokens;
import app.tandem.store.Database;
import app.tandem.store.JdbcAuditLog;
import app.tandem.store.JdbcConversationRepository;
import app.tandem.store.JdbcIntegrationTokens;
import app.tandem.web.CustomerChat;
import java.time.Clock;
import java.util.Optional;

/**
 * The customer chat served by the office server process (issue 18). It writes to the office database as a seat of
 * its own, named {@value #SEAT}, so the desks hear its new conversations and turns from the feed like any seat's.
 */
public final class OfficeWebChat {

    static final String SEAT = "web";

    private OfficeWebChat() {}

    public static CustomerChat serve(Database office, String host, int port) {
        JdbcConversationRepository conversations = new JdbcConversationRepository(office.dataSource(), SEAT);
        // The server has no data folder of its own to hand the reader: its trained data is unpacked in the temp folder.
        return CustomerChat.start(new ConversationService(conversations, Clock.systemUTC()), conversations,
                tokens(office), host, port, Optional.of(ImageTextReader.withDefaults()));
    }

    /** The chat platforms' API tokens kept in the office database, their uses audited there. */
    static IntegrationTokens tokens(Database office) {
        return new IntegrationTokens(new JdbcIntegrationTokens(office.dataSource()),
                new JdbcAuditLog(office.dataSource(), Clock.systemUTC()), Clock.systemUTC());
    }
}
