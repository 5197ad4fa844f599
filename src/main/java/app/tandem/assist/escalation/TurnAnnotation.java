package app.tandem.assist.escalation;

import app.tandem.nlp.entities.Entity;
import app.tandem.nlp.sentiment.SentimentResult;
import java.util.List;
import java.util.Optional;

/** What Tandem understood of one customer turn: the chips under its bubble. */
public record TurnAnnotation(long conversationId, int seq, SentimentResult sentiment, List<Entity> entities,
                             Optional<DetectedIntent> intent) {

    public TurnAnnotation {
        entities = List.copyOf(entities);
    }

    public TurnAnnotation withSentiment(SentimentResult corrected) {
        return new TurnAnnotation(conversationId, seq, corrected, entities, intent);
    }

    public TurnAnnotation withIntent(Optional<DetectedIntent> corrected) {
        return new TurnAnnotation(conversationId, seq, sentiment, entities, corrected);
    }

    public TurnAnnotation without(Entity removed) {
        return new TurnAnnotation(conversationId, seq, sentiment, entities.stream().filter(e -> !e.equals(removed)).toList(), intent);
    }
}
