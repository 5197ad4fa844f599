package app.tandem.nlp;

import app.tandem.ml.bert.BertSentenceEncoder;
import app.tandem.ml.bert.EncoderWorker;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@link TextEncoder} over a DJL {@link BertSentenceEncoder}. Work runs on the service's bounded
 * inference executor; each of its threads lazily gets its own {@link EncoderWorker} (one DJL
 * Predictor), because a Predictor must not be shared between threads.
 */
final class DjlTextEncoder implements TextEncoder {

    private final BertSentenceEncoder encoder;
    private final ExecutorService executor;
    private final int maxBatch;
    private final ThreadLocal<EncoderWorker> workers = new ThreadLocal<>();
    private final Queue<EncoderWorker> allWorkers = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean closed = new AtomicBoolean();

    DjlTextEncoder(BertSentenceEncoder encoder, ExecutorService executor, int maxBatch) {
        this.encoder = encoder;
        this.executor = executor;
        this.maxBatch = maxBatch;
    }

    @Override
    public String modelId() {
        return encoder.descriptor().id();
    }

    @Override
    public int dimensions() {
        return encoder.descriptor().dimensions();
    }

    @Override
    public float[] encodeQuery(String text) {
        return run(List.of(encoder.descriptor().queryPrefix() + TextSanitizer.clean(text)))[0];
    }

    @Override
    public float[] encodePassage(String text) {
        return run(List.of(encoder.descriptor().passagePrefix() + TextSanitizer.clean(text)))[0];
    }

    @Override
    public List<float[]> encodePassages(List<String> texts) {
        if (texts == null) {
            throw new IllegalArgumentException("texts to encode must not be null");
        }
        if (texts.isEmpty()) {
            return List.of();
        }
        String prefix = encoder.descriptor().passagePrefix();
        List<String> cleaned = new ArrayList<>(texts.size());
        for (String t : texts) {
            cleaned.add(prefix + TextSanitizer.clean(t));
        }
        return Arrays.asList(run(cleaned));
    }

    private float[][] run(List<String> texts) {
        if (closed.get()) {
            throw new EncodingException("encoder " + modelId() + " is closed", null);
        }
        Future<float[][]> result;
        try {
            result = executor.submit(() -> worker().encode(encoder.tokenize(texts)));
        } catch (RejectedExecutionException e) {
            throw new EncodingException("encoder " + modelId() + " is shutting down", e);
        }
        try {
            return result.get();
        } catch (InterruptedException e) {
            result.cancel(true);
            Thread.currentThread().interrupt();
            throw new EncodingException("interrupted while encoding", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IllegalArgumentException iae) {
                throw iae;
            }
            throw new EncodingException("encoder " + modelId() + " failed: " + e.getCause().getMessage(), e.getCause());
        }
    }

    private EncoderWorker worker() {
        EncoderWorker w = workers.get();
        if (w == null) {
            w = encoder.newWorker(maxBatch);
            workers.set(w);
            allWorkers.add(w);
        }
        return w;
    }

    /** Closes the predictors and the model; the service shuts the executor down first. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            allWorkers.forEach(EncoderWorker::close);
            allWorkers.clear();
            encoder.close();
        }
    }
}
