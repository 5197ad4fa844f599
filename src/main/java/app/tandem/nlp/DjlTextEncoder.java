package app.tandem.nlp;

import app.tandem.ml.bert.BertSentenceEncoder;
import app.tandem.ml.bert.EncoderWorker;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
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
        return encode(List.of(encoder.descriptor().queryPrefix() + TextSanitizer.clean(text))).get(0);
    }

    @Override
    public float[] encodePassage(String text) {
        return encode(List.of(encoder.descriptor().passagePrefix() + TextSanitizer.clean(text))).get(0);
    }

    @Override
    public List<float[]> encodePassages(List<String> texts) {
        if (texts == null) {
            throw new IllegalArgumentException("texts to encode must not be null");
        }
        String prefix = encoder.descriptor().passagePrefix();
        List<String> cleaned = new ArrayList<>(texts.size());
        for (String t : texts) {
            cleaned.add(prefix + TextSanitizer.clean(t));
        }
        return encode(cleaned);
    }

    /**
     * Tokenises on the calling thread (the native tokenizer is thread-safe), then sends the sentences
     * to the inference executor one batch at a time, shortest first. A bulk job therefore never holds
     * the executor for more than one batch: a live query submitted meanwhile runs right after the
     * current batch, and an interrupted caller stops between batches.
     */
    private List<float[]> encode(List<String> texts) {
        if (texts.isEmpty()) {
            return List.of();
        }
        List<long[]> ids = encoder.tokenize(texts);
        Integer[] order = new Integer[ids.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingInt(i -> ids.get(i).length));
        float[][] out = new float[ids.size()][];
        for (int start = 0; start < order.length; start += maxBatch) {
            List<Integer> chunk = Arrays.asList(order).subList(start, Math.min(order.length, start + maxBatch));
            List<long[]> rows = chunk.stream().map(ids::get).toList();
            float[][] vectors = run(rows);
            for (int j = 0; j < chunk.size(); j++) {
                out[chunk.get(j)] = vectors[j];
            }
        }
        return Arrays.asList(out);
    }

    private float[][] run(List<long[]> rows) {
        if (closed.get()) {
            throw new EncodingException("encoder " + modelId() + " is closed", null);
        }
        if (Thread.currentThread().isInterrupted()) {
            throw new EncodingException("interrupted before encoding", new InterruptedException());
        }
        Future<float[][]> result;
        try {
            result = executor.submit(() -> worker().encode(rows));
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
