package app.tandem.eval.fuzz;

import app.tandem.conversation.Channel;
import app.tandem.conversation.Conversation;
import app.tandem.conversation.ConversationService;
import app.tandem.conversation.Message;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * A conversation as the desk has one: opened with a title, the customer's messages stored by the real
 * {@link ConversationService} and each understood as the desk asks (sentiment, entities, intent, escalation
 * rules), then closed with the agent's summary.
 */
final class CustomerMessageTarget extends DeskTarget {

    private final CaseMaker cases = new CaseMaker(name(), List.of(
            new Probe("title of 257 characters", () -> FuzzInput.fields("title", "t".repeat(257), "message", "Hello")),
            new Probe("summary of 4,001 characters", () -> FuzzInput.fields("message", "Hello", "summary", "s".repeat(4_001))),
            new Probe("message of 10,001 characters", () -> FuzzInput.fields("message", "m".repeat(10_001))),
            new Probe("320 different Chinese characters in one turn", () -> FuzzInput.fields("message", Probes.CJK_320)),
            new Probe("message of 20,000 nested >", () -> FuzzInput.fields("message", Probes.NESTED_QUOTES))),
            CustomerMessageTarget::grammar, CustomerMessageTarget::mutation);

    CustomerMessageTarget(ScratchDesk desks) {
        super(desks);
    }

    @Override
    public String name() {
        return "customer-message";
    }

    @Override
    public FuzzCase generate(int number, Random random) {
        return cases.make(number, random);
    }

    private static FuzzInput grammar(Random r) {
        List<String> fields = new ArrayList<>();
        if (r.nextBoolean()) {
            fields.addAll(List.of("title", MarkdownGrammar.title(r)));
        }
        int messages = 1 + r.nextInt(3);
        for (int i = 0; i < messages; i++) {
            String text = r.nextInt(30) == 0 ? Noise.repeat(Noise.word(r) + " ", 1_500 + r.nextInt(2_000))
                    : r.nextInt(10) == 0 ? Noise.cjk(r, 50 + r.nextInt(600)) : Noise.sentence(r, Noise.size(r, 25));
            fields.addAll(List.of("message", text));
        }
        if (r.nextBoolean()) {
            fields.addAll(List.of("summary", r.nextInt(25) == 0 ? Noise.repeat("s", 3_990 + r.nextInt(30)) : Noise.sentence(r, Noise.size(r, 20))));
        }
        return FuzzInput.fields(fields.toArray(String[]::new));
    }

    /** A sample transcript's text, damaged, sent as one message. */
    private static CaseMaker.Mutation mutation(Random r) {
        CaseMaker.Mutation m = CaseMaker.mutated(Seeds.transcripts(), r, "message");
        byte[] bytes = m.input().first().bytes();
        String text = new String(bytes, 0, Math.min(bytes.length, 12_000), StandardCharsets.UTF_8);
        return new CaseMaker.Mutation(m.operation(), FuzzInput.fields("message", text));
    }

    @Override
    public Outcome run(FuzzInput input) {
        ScratchDesk.Instance desk = desk();
        ConversationService conversations = desk.desk().conversations();
        Conversation conversation = conversations.open(Optional.empty(), Channel.CHAT, input.field("title").orElse("Fuzz"));
        boolean closed = false;
        try {
            int stored = 0;
            for (String text : input.fields("message")) {
                Optional<Message> message = conversations.receiveFromCustomer(conversation.id(), text);
                if (message.isPresent()) {
                    desk.desk().understanding().annotate(message.get());
                    stored++;
                }
            }
            conversations.close(conversation.id(), input.field("summary").orElse(""));
            closed = true;
            return Outcome.accepted(stored + " messages");
        } finally {
            if (!closed) {
                closeQuietly(conversations, conversation.id());
            }
        }
    }

    /** After a refusal the conversation is closed without a summary, so the queue does not fill with open ones. */
    private static void closeQuietly(ConversationService conversations, long id) {
        try {
            conversations.close(id, "");
        } catch (RuntimeException e) {
            // The refusal that got here is the finding; a failure to close after it would only hide it.
        }
    }
}
