package app.tandem.kb.gaps;

import app.tandem.nlp.EncoderService;
import app.tandem.nlp.TextEncoder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    @Override
    public List<Optional<Vector>> vectors(List<String> texts) {
        Optional<EncoderService> service = encoders.get();
        List<Optional<Vector>> out = new ArrayList<>(Collections.nCopies(texts.size(), Optional.empty()));
        if (service.isEmpty()) {
            return out;
        }
        Map<TextEncoder, List<Integer>> byEncoder = new LinkedHashMap<>();
        for (int i = 0; i < texts.size(); i++) {
            int index = i;
            service.get().encoderFor(texts.get(i)).ifPresent(e -> byEncoder.computeIfAbsent(e, k -> new ArrayList<>()).add(index));
        }
        byEncoder.forEach((encoder, indexes) -> {
            List<float[]> vs = encoder.encodePassages(indexes.stream().map(texts::get).toList());
            for (int j = 0; j < indexes.size(); j++) {
                out.set(indexes.get(j), Optional.of(new Vector(encoder.modelId(), vs.get(j))));
            }
        });
        return out;
    }
}
