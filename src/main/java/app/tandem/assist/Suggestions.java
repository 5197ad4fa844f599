package app.tandem.assist;

import app.tandem.kb.ArticleHit;
import java.util.List;
import java.util.Optional;

/**
 * What the side panel shows for one customer turn: ranked replies and the articles behind them.
 * {@code messageSeq} is the turn they answer, so the UI can drop results for an older turn.
 * {@code notice} says why the result is empty (no confident suggestion, no matching article, …).
 */
public record Suggestions(long conversationId, int messageSeq, List<Suggestion> replies, List<ArticleHit> articles,
                          Optional<SuggestionNotice> notice) {

    public Suggestions {
        replies = List.copyOf(replies);
        articles = List.copyOf(articles);
    }

    public static Suggestions none(long conversationId, int messageSeq, SuggestionNotice why) {
        return new Suggestions(conversationId, messageSeq, List.of(), List.of(), Optional.of(why));
    }
}
