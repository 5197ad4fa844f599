package app.tandem.nlp.sentiment;

import app.tandem.nlp.Language;
import app.tandem.nlp.LanguageDetector;
import app.tandem.nlp.TextEncoder;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Sentiment of a customer turn from a logistic head over the language's sentence-encoder vector,
 * combined with {@link LexicalCues}:
 *
 * <pre>
 *   score(label) = p_model(label) + CUE_WEIGHT_WITH_MODEL × cues(label)      (model loaded)
 *   score(label) = NEUTRAL_PRIOR·[label = neutral] + cues(label)               (cues only)
 *   sentiment    = argmax score,  confidence = score(sentiment) / Σ score
 * </pre>
 *
 * The head learns the general tone; the cues are deliberate and auditable ("stolen", "马上", "!!!"),
 * so an urgent word is never lost to a model that has not seen it. Without a model a turn with no
 * cue is neutral. Thread-safe once built.
 */
public final class SentimentClassifier {

    /** How much the cues count beside the model's probabilities: set by hand, not tuned on the held-out split. */
    static final double CUE_WEIGHT_WITH_MODEL = 0.5;
    /** Without the model, a turn needs at least one cue of weight above this to be flagged. */
    static final double NEUTRAL_PRIOR = 0.2;

    public enum Mode { COMBINED, MODEL_ONLY, CUES_ONLY }

    private record Head(TextEncoder encoder, SoftmaxHead softmax) {}

    private final Map<Language, Head> heads;
    private final LexicalCues cues = new LexicalCues();
    private final LanguageDetector detector = new LanguageDetector();
    private final String noModelNote;

    private SentimentClassifier(Map<Language, Head> heads, String noModelNote) {
        this.heads = heads;
        this.noModelNote = noModelNote;
    }

    /** Lexical cues alone, e.g. while the models load or when they could not. */
    public static SentimentClassifier cuesOnly(String why) {
        return new SentimentClassifier(Map.of(), why);
    }

    /**
     * Trains one head per language that has an encoder; languages without one fall back to cues.
     * Blocks while it encodes the examples (a few seconds on two cores): call off the FX thread.
     */
    public static SentimentClassifier train(List<LabelledTurn> examples, Function<Language, Optional<TextEncoder>> encoders) {
        Map<Language, Head> heads = new EnumMap<>(Language.class);
        for (Language language : Language.values()) {
            Optional<TextEncoder> encoder = encoders.apply(language);
            List<LabelledTurn> mine = examples.stream().filter(t -> t.language() == language).toList();
            if (encoder.isEmpty() || mine.isEmpty()) {
                continue;
            }
            List<float[]> vectors = encoder.get().encodePassages(mine.stream().map(LabelledTurn::text).toList());
            int[] labels = mine.stream().mapToInt(t -> t.label().ordinal()).toArray();
            SoftmaxHead head = SoftmaxHead.train(vectors, labels, Sentiment.values().length, 400, 2.0, 1e-4, 42);
            heads.put(language, new Head(encoder.get(), head));
        }
        return new SentimentClassifier(heads, "no language model for this language");
    }

    public boolean usesModel(Language language) {
        return heads.containsKey(language);
    }

    public SentimentResult classify(String text) {
        return classify(text, Mode.COMBINED);
    }

    public SentimentResult classify(String text, Mode mode) {
        String t = text == null ? "" : text;
        Head head = heads.get(detector.detect(t));
        boolean useModel = head != null && mode != Mode.CUES_ONLY;
        return classify(t, mode, head, useModel ? head.encoder().encodePassage(t) : null);
    }

    /** Many turns at once, encoded in batches per language (evaluation, bulk re-labelling). */
    public List<SentimentResult> classifyAll(List<String> texts, Mode mode) {
        SentimentResult[] out = new SentimentResult[texts.size()];
        for (Language language : Language.values()) {
            List<Integer> mine = new ArrayList<>();
            for (int i = 0; i < texts.size(); i++) {
                if (detector.detect(texts.get(i)) == language) {
                    mine.add(i);
                }
            }
            Head head = heads.get(language);
            boolean useModel = head != null && mode != Mode.CUES_ONLY;
            List<float[]> vectors = useModel ? head.encoder().encodePassages(mine.stream().map(texts::get).toList()) : null;
            for (int k = 0; k < mine.size(); k++) {
                int i = mine.get(k);
                out[i] = classify(texts.get(i), mode, head, useModel ? vectors.get(k) : null);
            }
        }
        return List.of(out);
    }

    private SentimentResult classify(String t, Mode mode, Head head, float[] vector) {
        LexicalCues.Match match = cues.match(t);
        boolean useModel = vector != null;
        double[] score = new double[Sentiment.values().length];
        if (useModel) {
            double[] p = head.softmax().probabilities(vector);
            double cueWeight = mode == Mode.MODEL_ONLY ? 0 : CUE_WEIGHT_WITH_MODEL;
            for (Sentiment s : Sentiment.values()) {
                score[s.ordinal()] = p[s.ordinal()] + cueWeight * match.score(s);
            }
        } else {
            score[Sentiment.NEUTRAL.ordinal()] = NEUTRAL_PRIOR;
            for (Sentiment s : Sentiment.values()) {
                score[s.ordinal()] += match.score(s);
            }
        }
        int best = 0;
        double sum = 0;
        for (int i = 0; i < score.length; i++) {
            sum += score[i];
            if (score[i] > score[best]) {
                best = i;
            }
        }
        Sentiment label = Sentiment.values()[best];
        List<String> shown = mode == Mode.MODEL_ONLY ? List.of() : new ArrayList<>(match.cues());
        return useModel
                ? new SentimentResult(label, score[best] / sum, shown, SentimentResult.Method.MODEL_AND_CUES, "")
                : new SentimentResult(label, score[best] / sum, shown, SentimentResult.Method.CUES_ONLY,
                        head == null ? "lexical cues only: " + noModelNote : "lexical cues only (asked for)");
    }
}
