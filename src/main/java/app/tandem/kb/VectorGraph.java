package app.tandem.kb;

import java.util.BitSet;

/**
 * A nearest-neighbour graph (HNSW) over unit vectors, held on the heap, for sets too large to scan
 * exactly on every customer turn. Vector {@code i} is ordinal {@code i}; similarity is the dot product.
 * Lucene builds and walks it, and Lucene stays in kb: callers see ordinals and {@link BitSet}s. There is
 * nothing to close: a replaced graph still answers a search in flight and is then collected.
 */
public interface VectorGraph {

    /** Builds the graph; {@code unitVectors} are unit length and of one dimension. */
    static VectorGraph of(float[][] unitVectors) {
        return LuceneVectorGraph.build(unitVectors);
    }

    /**
     * Up to {@code k} ordinals among {@code accepted} ({@code acceptedCount} set bits) near {@code query},
     * nearest first by the graph's approximate scores: callers that need the exact order rank them again.
     * Empty for a query of another dimension.
     */
    int[] nearest(float[] query, int k, BitSet accepted, int acceptedCount);
}
