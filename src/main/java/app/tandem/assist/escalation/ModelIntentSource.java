package app.tandem.assist.escalation;

import app.tandem.nlp.Language;
import app.tandem.nlp.intent.PromotedIntentModel;
import java.util.Optional;

/**
 * The desk's intent source: the promoted intent model first, when it is loaded, confident and not out of
 * scope; otherwise the present chain (keyword rules, else the best article's intent). The chip's tooltip
 * says which one named the intent ("intent model v003 (87%)", "keywords", "article …").
 *
 * <p>One exception keeps the escalation rules safe: when the model names a non-urgent intent but the
 * keyword rules see an urgent one (a lost card, fraud, a hacked account), the urgent one wins. A missed
 * escalation costs far more than a chip that is wrong for one turn, and a model trained on the office's
 * data may never have seen the phrasing the rules were written for.
 */
public final class ModelIntentSource implements IntentSource {

    /**
     * The least softmax confidence the desk takes from the model. A model trained without out-of-scope
     * examples (Banking77-style data) has an out-of-scope threshold of 0 and names an intent for every
     * turn, "hello" included; below one half the model is split between intents, and the article behind
     * the suggestions is as good a guess. A model calibrated on out-of-scope data uses its own threshold
     * when that is higher.
     */
    public static final double MIN_CONFIDENCE = 0.5;

    private final PromotedIntentModel model;
    private final IntentSource fallback;
    private final IntentSource urgentRules;

    /**
     * @param fallback    answers when the model does not (none loaded, unsure, out of scope, another language)
     * @param urgentRules the keyword rules, asked whether an urgent intent overrides the model's answer
     */
    public ModelIntentSource(PromotedIntentModel model, IntentSource fallback, IntentSource urgentRules) {
        this.model = model;
        this.fallback = fallback;
        this.urgentRules = urgentRules;
    }

    @Override
    public Optional<DetectedIntent> detect(String text, Language language) {
        double floor = Math.max(MIN_CONFIDENCE, model.outOfScopeThreshold());
        Optional<DetectedIntent> byModel = model.classify(text, language.code())
                .filter(a -> !a.prediction().outOfScope() && a.prediction().confidence() >= floor)
                .map(a -> new DetectedIntent(a.prediction().intent(), a.prediction().confidence(),
                        UrgentIntents.isUrgent(a.prediction().intent()), DetectedIntent.Origin.MODEL, a.version()));
        if (byModel.isEmpty()) {
            return fallback.detect(text, language);
        }
        if (!byModel.get().urgent()) {
            Optional<DetectedIntent> urgent = urgentRules.detect(text, language).filter(DetectedIntent::urgent);
            if (urgent.isPresent()) {
                return urgent;
            }
        }
        return byModel;
    }
}
