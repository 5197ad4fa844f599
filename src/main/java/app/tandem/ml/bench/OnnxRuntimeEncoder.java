package app.tandem.ml.bench;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import app.tandem.ml.catalog.ModelDescriptor;
import app.tandem.ml.catalog.Pooling;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The reference: the same ONNX file run by ONNX Runtime, with pooling and normalisation done in
 * Java exactly as the catalog says. Used by the benchmark and by the encoder's accuracy tests;
 * the product never runs it (ArchUnit keeps ONNX Runtime inside this package).
 */
public final class OnnxRuntimeEncoder implements AutoCloseable {

    private final ModelDescriptor descriptor;
    private final OrtEnvironment env;
    private final OrtSession session;

    public OnnxRuntimeEncoder(ModelDescriptor descriptor, byte[] onnx, int intraOpThreads) throws OrtException {
        this.descriptor = descriptor;
        this.env = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(intraOpThreads);
            options.setInterOpNumThreads(1);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            this.session = env.createSession(onnx, options);
        }
    }

    /** Sentence vectors for token id rows (already with [CLS]/[SEP]); rows are padded to the longest. */
    public float[][] encode(List<long[]> rows) throws OrtException {
        int batch = rows.size();
        int length = rows.stream().mapToInt(r -> r.length).max().orElse(0);
        long[] ids = new long[batch * length];
        long[] mask = new long[batch * length];
        for (int r = 0; r < batch; r++) {
            long[] row = rows.get(r);
            System.arraycopy(row, 0, ids, r * length, row.length);
            for (int c = 0; c < row.length; c++) {
                mask[r * length + c] = 1;
            }
        }
        long[] shape = {batch, length};
        Map<String, OnnxTensor> inputs = new HashMap<>();
        try {
            inputs.put("input_ids", OnnxTensor.createTensor(env, LongBuffer.wrap(ids), shape));
            inputs.put("attention_mask", OnnxTensor.createTensor(env, LongBuffer.wrap(mask), shape));
            if (session.getInputNames().contains("token_type_ids")) {
                inputs.put("token_type_ids", OnnxTensor.createTensor(env, LongBuffer.wrap(new long[batch * length]),
                        shape));
            }
            try (OrtSession.Result result = session.run(inputs)) {
                OnnxTensor hidden = (OnnxTensor) result.get(0);
                FloatBuffer fb = hidden.getFloatBuffer();
                int h = (int) hidden.getInfo().getShape()[2];
                float[] all = new float[fb.remaining()];
                fb.get(all);
                return pool(all, mask, batch, length, h);
            }
        } finally {
            inputs.values().forEach(OnnxTensor::close);
        }
    }

    private float[][] pool(float[] hidden, long[] mask, int batch, int length, int h) {
        float[][] out = new float[batch][h];
        for (int b = 0; b < batch; b++) {
            float[] v = out[b];
            if (descriptor.pooling() == Pooling.CLS) {
                System.arraycopy(hidden, b * length * h, v, 0, h);
            } else {
                float count = 0;
                for (int t = 0; t < length; t++) {
                    if (mask[b * length + t] == 0) {
                        continue;
                    }
                    count++;
                    int base = (b * length + t) * h;
                    for (int i = 0; i < h; i++) {
                        v[i] += hidden[base + i];
                    }
                }
                float divisor = Math.max(count, 1e-9f);
                for (int i = 0; i < h; i++) {
                    v[i] /= divisor;
                }
            }
            if (descriptor.normalize()) {
                double norm = 0;
                for (float x : v) {
                    norm += x * x;
                }
                float divisor = (float) Math.max(Math.sqrt(norm), 1e-12);
                for (int i = 0; i < h; i++) {
                    v[i] /= divisor;
                }
            }
        }
        return out;
    }

    @Override
    public void close() throws OrtException {
        session.close();
    }
}
