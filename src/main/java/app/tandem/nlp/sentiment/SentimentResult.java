package app.tandem.nlp.sentiment;

import java.util.List;

/**
 * The sentiment of one turn.
 *
 * @param sentiment  the label
 * @param confidence the label's share of the combined scores, 0..1
 * @param cues       the words or marks that pushed the decision ("fraud", "马上", "!!!"), for the chip's tooltip
 * @param method     whether the sentence-encoder head took part, or the lexical cues decided alone
 * @param note       why cues only, when so ("language models not loaded"); empty otherwise
 */
public record SentimentResult(Sentiment sentiment, double confidence, List<String> cues, Method method, String note) {

    public enum Method { MODEL_AND_CUES, CUES_ONLY }

    public SentimentResult {
        cues = List.copyOf(cues);
    }

    /** An agent's correction: certain, by definition. */
    public SentimentResult correctedTo(Sentiment corrected) {
        return new SentimentResult(corrected, 1.0, List.of(), method, "corrected by the agent");
    }
}
