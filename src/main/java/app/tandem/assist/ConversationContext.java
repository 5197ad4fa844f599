package app.tandem.assist;

import app.tandem.conversation.Author;
import app.tandem.conversation.Message;
import app.tandem.nlp.LanguageDetector;
import app.tandem.nlp.TextEncoder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the customer is asking about, as a query: the current turn (the customer's words since the
 * agent last spoke) with weight 1, earlier customer turns with 0.5, 0.25 … as one weighted sentence
 * vector, and the current turn's words for keyword search. When the current turn is far from the
 * earlier ones (cosine below the encoder's bar, {@link Calibration.VectorCurves#topicShift}: {@link #TOPIC_SHIFT}
 * for all-MiniLM-L6-v2), the customer has changed the subject and the earlier turns are dropped.
 *
 * @param keywords     the current turn's text, for BM25
 * @param vector       the weighted context vector, when an encoder for the language is available
 * @param turnsUsed    how many customer turns went into the vector (1 = the current one only)
 * @param topicChanged true when earlier turns were dropped because the subject changed
 */
public record ConversationContext(String keywords, String language, Optional<float[]> vector, int turnsUsed,
                                  boolean topicChanged) {

    /**
     * Cosine between the current turn and the earlier context below which the topic has changed, for
     * all-MiniLM-L6-v2 (other encoders: {@link Calibration#forEncoder}).
     * Measured by {@code tandem eval topic-shift --pairs 300} (SGD train shard, all-MiniLM-L6-v2):
     * consecutive user turns of one dialogue have median cosine 0.23, user turns of dialogues about
     * different services 0.08; 0.16 separates them best (balanced accuracy 77 %). A first guess of
     * 0.30 would have dropped the context for 64 % of same-topic follow-ups.
     */
    public static final double TOPIC_SHIFT = 0.16;
    static final double DECAY = 0.5;
    static final int MAX_EARLIER_TURNS = 4;

    private static final LanguageDetector LANGUAGES = new LanguageDetector();

    static ConversationContext of(List<Message> turns, String language, Optional<TextEncoder> encoder, Vectors vectors) {
        String current = currentTurn(turns);
        List<String> earlier = earlierCustomerTurns(turns);
        if (encoder.isEmpty() || current.isBlank()) {
            // Keyword search cannot weigh turns or see a change of subject: the previous turn's words would pull
            // every new question back to the old subject. A vague turn is answered as a follow-up instead.
            return new ConversationContext(current, language, Optional.empty(), 1, false);
        }
        TextEncoder e = encoder.get();
        float[] now = vectors.query(e, current);
        float[] sum = now.clone();
        float[] older = new float[now.length];
        int used = 0;
        double weight = DECAY;
        for (String turn : earlier) {
            if (used == MAX_EARLIER_TURNS) {
                break;
            }
            if (!LANGUAGES.detect(turn).code().equals(language)) {
                continue;
            }
            Vectors.addScaled(older, vectors.query(e, turn), weight);
            weight *= DECAY;
            used++;
        }
        if (used == 0) {
            return new ConversationContext(current, language, Optional.of(now), 1, false);
        }
        if (Vectors.cosine(now, older) < Calibration.forEncoder(e.modelId()).topicShift()) {
            return new ConversationContext(current, language, Optional.of(now), 1, true);
        }
        Vectors.addScaled(sum, older, 1);
        return new ConversationContext(current, language, Optional.of(Vectors.normalised(sum)), used + 1, false);
    }

    /**
     * A vague turn read as a follow-up of {@code question}, the open question's own query: that query, which is
     * what was searched, counted as the question's turns plus the vague one.
     */
    static ConversationContext followUpOf(ConversationContext question) {
        return new ConversationContext(question.keywords(), question.language(), question.vector(),
                question.turnsUsed() + 1, false);
    }

    /** The current turn on its own, searched beside a query that mixed in earlier turns. */
    static ConversationContext currentTurnOnly(List<Message> turns, String language, Optional<TextEncoder> encoder,
            Vectors vectors) {
        String current = currentTurn(turns);
        Optional<float[]> vector = encoder.isPresent() && !current.isBlank()
                ? Optional.of(vectors.query(encoder.get(), current)) : Optional.empty();
        return new ConversationContext(current, language, vector, 1, false);
    }

    /** The customer's turns since the agent last spoke: together they are the open question. */
    static String currentTurn(List<Message> turns) {
        List<String> parts = new ArrayList<>();
        for (int i = turns.size() - 1; i >= 0 && turns.get(i).author() == Author.CUSTOMER; i--) {
            parts.add(0, turns.get(i).text());
        }
        return String.join("\n", parts);
    }

    /**
     * The conversation as it stood when the customer's previous turn was the open question: everything up to
     * that turn's last message (empty when the current turn is the first).
     */
    static List<Message> upToPreviousCustomerTurn(List<Message> turns) {
        int i = turns.size() - 1;
        while (i >= 0 && turns.get(i).author() == Author.CUSTOMER) {
            i--;
        }
        while (i >= 0 && turns.get(i).author() != Author.CUSTOMER) {
            i--;
        }
        return turns.subList(0, i + 1);
    }

    /** Customer turns before the current one, newest first. */
    static List<String> earlierCustomerTurns(List<Message> turns) {
        int i = turns.size() - 1;
        while (i >= 0 && turns.get(i).author() == Author.CUSTOMER) {
            i--;
        }
        List<String> earlier = new ArrayList<>();
        for (; i >= 0; i--) {
            if (turns.get(i).author() == Author.CUSTOMER) {
                earlier.add(turns.get(i).text());
            }
        }
        return earlier;
    }
}
