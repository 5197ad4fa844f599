package app.tandem.ml.train;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import app.tandem.ml.bert.BertEncoderBlock;

/**
 * The encoder with a linear intent head on its (normalised) sentence vector: what fine-tuning trains
 * end to end. Input as {@link BertEncoderBlock}'s ({@code [ids, mask]}).
 * The encoder's weights are already set (imported or saved), so only the head is initialised here.
 * Output {@code [logits (B, classes), vectors (B, hidden)]}: the vectors feed the contrastive loss.
 */
final class EncoderClassifierBlock extends AbstractBlock {

    private final BertEncoderBlock encoder;
    private final Linear head;
    private final int hidden;

    EncoderClassifierBlock(BertEncoderBlock encoder, int classes) {
        super((byte) 1);
        this.encoder = addChildBlock("encoder", encoder);
        this.head = addChildBlock("head", Linear.builder().setUnits(classes).build());
        this.hidden = encoder.architecture().hidden();
    }

    BertEncoderBlock encoder() {
        return encoder;
    }

    Linear head() {
        return head;
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDList vectors = encoder.forward(ps, inputs, training, params);
        NDList logits = head.forward(ps, vectors, training, params);
        return new NDList(logits.singletonOrThrow(), vectors.singletonOrThrow());
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        encoder.initialize(manager, dataType, inputShapes);
        head.initialize(manager, dataType, new Shape(1, hidden));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape vectors = new Shape(inputShapes[0].get(0), hidden);
        return new Shape[] {head.getOutputShapes(new Shape[] {vectors})[0], vectors};
    }
}
