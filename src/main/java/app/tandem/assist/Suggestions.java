package app.tandem.assist;

import app.tandem.kb.ArticleHit;
import java.util.List;
import java.util.Optional;

/**
 * What the side panel shows for one customer turn: ranked replies and the articles behind them.
 * {@code messageSeq} is the turn they answer, so the UI can drop results for an older turn.
 * {@code notice} explains an empty or degraded result ("no matching article", "models unavailable").
 */
public record Suggestions(long conversationId, int messageSeq, List<Suggestion> replies, List<ArticleHit> articles,
                          Optional<String> notice) {

    public Suggestions {
        replies = List.copyOf(replies);
        articles = List.copyOf(articles);
    }

    public static Suggestions none(long conversationId, int messageSeq, String why) {
        return new Suggestions(conversationId, messageSeq, List.of(), List.of(), Optional.of(why));
    }
}
