package app.tandem.kb.gaps;

import app.tandem.nlp.EncoderService;
import app.tandem.nlp.TextEncoder;
import java.util.Optional;
import java.util.function.Supplier;

/** Sentence vectors from the nlp encoders once they are loaded; empty before that. */
public final class NlpSentenceVectors implements SentenceVectors {

    private final Supplier<Optional<EncoderService>> encoders;

    public NlpSentenceVectors(Supplier<Optional<EncoderService>> encoders) {
        this.encoders = encoders;
    }

    @Override
    public Optional<Vector> vector(String text) {
        return encoders.get().flatMap(service -> service.encoderFor(text))
                .map((TextEncoder e) -> new Vector(e.modelId(), e.encodePassage(text)));
    }
}
