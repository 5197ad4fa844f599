package app.tandem.kb;

/**
 * How the knowledge base ranks passages: words alone (BM25), meaning alone (sentence vectors,
 * HNSW), or both fused. {@code eval retrieval} measures each; {@link #BLEND} measured best and is
 * the default whenever vectors are available (README has the figures).
 */
public enum RetrievalMode {
    KEYWORDS,
    VECTORS,
    /** Reciprocal rank fusion of the keyword and vector rankings. */
    HYBRID,
    /** A weighted sum of the max-normalised BM25 score and the cosine similarity. */
    BLEND
}
