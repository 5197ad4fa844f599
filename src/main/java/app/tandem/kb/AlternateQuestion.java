package app.tandem.kb;

import java.time.Instant;
import java.util.OptionalLong;

/**
 * A customer's question that an article answered, learned when a conversation was resolved with it.
 * Indexed beside the article's passages so the next customer who asks the same way finds it.
 * The text is already redacted of personal data.
 */
public record AlternateQuestion(long id, String articleId, String text, OptionalLong conversationId, Instant createdAt,
                                String createdBy) {}
