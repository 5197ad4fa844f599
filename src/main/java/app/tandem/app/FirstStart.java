package app.tandem.app;

import app.tandem.assist.MacroLibrary;
import app.tandem.assist.StarterMacros;
import app.tandem.conversation.Author;
import app.tandem.conversation.Channel;
import app.tandem.conversation.Conversation;
import app.tandem.conversation.ConversationRepository;
import app.tandem.conversation.MessageOrigin;
import app.tandem.customer.CustomerRepository;
import app.tandem.customer.SampleCustomers;
import app.tandem.kb.KbFolder;
import app.tandem.kb.KnowledgeBase;
import app.tandem.store.Database;
import app.tandem.store.JdbcArticleRepository;
import app.tandem.store.JdbcConversationRepository;
import app.tandem.store.JdbcCustomerRepository;
import app.tandem.store.JdbcMacroRepository;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import javax.sql.DataSource;

/** Fills a new data folder with the starter knowledge base and the sample customers. */
public final class FirstStart {

    private FirstStart() {}

    /**
     * The office server fills a new office database once, before any seat connects: seats never seed, so two
     * seats starting together on a new office cannot both try (and one fail on the other's rows). The articles
     * go in with their change rows; each seat indexes them from the database at its start.
     */
    public static void seedOffice(Database database, Clock clock) {
        DataSource ds = database.dataSource();
        JdbcArticleRepository articles = new JdbcArticleRepository(ds, clock);
        if (articles.count() == 0) {
            articles.insertAll(KbFolder.readBundled(clock.instant()).articles(), "seed");
        }
        new MacroLibrary(new JdbcMacroRepository(ds)).seedIfEmpty(StarterMacros.bundled());
        seedCustomers(new JdbcCustomerRepository(ds), new JdbcConversationRepository(ds));
    }

    static KnowledgeBase.SeedReport seedKnowledgeBase(KnowledgeBase kb, Clock clock) {
        if (kb.count() > 0) {
            return new KnowledgeBase.SeedReport(0, List.of());
        }
        return kb.seedIfEmpty(KbFolder.readBundled(clock.instant()));
    }

    /** Returns how many customers were added (0 when the database already had some). */
    static int seedCustomers(CustomerRepository customers, ConversationRepository conversations) {
        if (customers.count() > 0) {
            return 0;
        }
        List<SampleCustomers.Sample> samples = SampleCustomers.bundled();
        for (SampleCustomers.Sample sample : samples) {
            customers.save(sample.customer());
            for (SampleCustomers.PastConversation past : sample.history()) {
                Instant started = past.started().atZone(ZoneId.systemDefault()).toInstant();
                Channel channel = Channel.valueOf(past.channel().toUpperCase(Locale.ROOT));
                String title = past.summary().length() > 80 ? past.summary().substring(0, 77) + "..." : past.summary();
                Conversation c = conversations.create(Optional.of(sample.customer().id()), channel, title, started);
                Instant at = started;
                for (SampleCustomers.PastTurn turn : past.turns()) {
                    at = at.plusSeconds(45);
                    boolean customer = turn.from().equals("customer");
                    conversations.append(c.id(), customer ? Author.CUSTOMER : Author.AGENT, turn.text(),
                            customer ? MessageOrigin.CUSTOMER : MessageOrigin.TYPED, OptionalLong.empty(),
                            customer ? Optional.empty() : Optional.of("history"), at);
                }
                conversations.close(c.id(), at.plusSeconds(30), past.summary());
            }
        }
        return samples.size();
    }
}
