package app.tandem.nlp.sentiment;

import app.tandem.nlp.EncoderService;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The desk's sentiment classifier. It answers at once from the lexical cues, and trains the encoder
 * head on the bundled labelled turns in the background as soon as the sentence encoders are loaded;
 * from then on answers combine both. Each result says which way it was made.
 */
public final class SentimentService {

    private static final Logger log = LoggerFactory.getLogger(SentimentService.class);

    private final Supplier<Optional<EncoderService>> encoders;
    private final Executor background;
    private final Supplier<List<LabelledTurn>> examples;
    private final AtomicBoolean trainingStarted = new AtomicBoolean();
    private volatile SentimentClassifier current = SentimentClassifier.cuesOnly("language models not loaded");

    /**
     * @param encoders   the encoders once loaded (empty while loading, or when they could not start)
     * @param background where the head is trained (an inference executor)
     */
    public SentimentService(Supplier<Optional<EncoderService>> encoders, Executor background) {
        this(encoders, background, SentimentTurns::bundled);
    }

    SentimentService(Supplier<Optional<EncoderService>> encoders, Executor background, Supplier<List<LabelledTurn>> examples) {
        this.encoders = encoders;
        this.background = background;
        this.examples = examples;
    }

    /** Never blocks on the models: until they are loaded and the head trained, cues alone answer. */
    public SentimentResult classify(String text) {
        startTrainingWhenReady();
        return current.classify(text);
    }

    /** Trains now on the calling thread if the encoders are ready (tests, the eval command). */
    public SentimentClassifier trainNow() {
        encoders.get().ifPresent(service -> {
            trainingStarted.set(true);
            current = SentimentClassifier.train(examples.get(), service::encoderFor);
        });
        return current;
    }

    private void startTrainingWhenReady() {
        Optional<EncoderService> service = encoders.get();
        if (service.isEmpty() || !trainingStarted.compareAndSet(false, true)) {
            return;
        }
        background.execute(() -> {
            try {
                long start = System.nanoTime();
                current = SentimentClassifier.train(examples.get(), service.get()::encoderFor);
                log.info("Sentiment head trained in {} ms", (System.nanoTime() - start) / 1_000_000);
            } catch (RuntimeException e) {
                log.warn("Sentiment head could not be trained; lexical cues only: {}", e.toString());
                current = SentimentClassifier.cuesOnly("the sentiment head could not be trained");
            }
        });
    }
}
