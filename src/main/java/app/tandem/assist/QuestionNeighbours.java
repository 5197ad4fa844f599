package app.tandem.assist;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.function.IntPredicate;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.ConstantScoreScorer;
import org.apache.lucene.search.ConstantScoreWeight;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BitSetIterator;
import org.apache.lucene.util.FixedBitSet;

/**
 * The answered questions of one allowlist partition (a language and an encoder), searched for the
 * nearest ones to a customer context. A few thousand vectors are scanned exactly; above that a scan
 * reads every vector on every customer turn (50,000 × 384 floats = 77 MB, ~17 ms here), so larger
 * partitions get an in-memory Lucene HNSW graph, which visits a few thousand. Which questions may be
 * suggested (curation) is a filter applied at query time, so allowing or blocking an entry does not
 * rebuild the graph. Everything lives on the heap (no files, nothing to close): a replaced instance
 * still answers a search in flight and is then collected.
 */
final class QuestionNeighbours {

    /** Below this many questions the exact scan is as fast as the graph and needs no build. */
    static final int GRAPH_FROM = 4_096;

    private static final String FIELD = "q";

    private final float[][] vectors;
    private final IndexSearcher searcher;

    private QuestionNeighbours(float[][] vectors, DirectoryReader reader) {
        this.vectors = vectors;
        this.searcher = reader == null ? null : new IndexSearcher(reader);
    }

    /** {@code vectors} are unit length; question {@code i} becomes document {@code i}. */
    static QuestionNeighbours of(float[][] vectors) {
        if (vectors.length < GRAPH_FROM) {
            return new QuestionNeighbours(vectors, null);
        }
        ByteBuffersDirectory directory = new ByteBuffersDirectory();
        // One writer thread and one final segment keep document ids equal to question ordinals.
        IndexWriterConfig config = new IndexWriterConfig().setRAMBufferSizeMB(512).setUseCompoundFile(false);
        try (IndexWriter writer = new IndexWriter(directory, config)) {
            for (float[] v : vectors) {
                Document doc = new Document();
                doc.add(new KnnFloatVectorField(FIELD, v, VectorSimilarityFunction.DOT_PRODUCT));
                writer.addDocument(doc);
            }
            writer.forceMerge(1);
            writer.commit();
            return new QuestionNeighbours(vectors, DirectoryReader.open(directory));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not index the allowlist's questions", e);
        }
    }

    boolean usesGraph() {
        return searcher != null;
    }

    /** The questions {@code allowed} accepts, fixed once per curation state rather than tested per turn. */
    Selection select(IntPredicate allowed) {
        FixedBitSet bits = new FixedBitSet(Math.max(1, vectors.length));
        for (int q = 0; q < vectors.length; q++) {
            if (allowed.test(q)) {
                bits.set(q);
            }
        }
        return new Selection(bits, bits.cardinality());
    }

    /** Questions that may be suggested: a bit per question ordinal. */
    record Selection(FixedBitSet bits, int count) {
        boolean contains(int question) {
            return question < bits.length() && bits.get(question);
        }
    }

    /** Up to {@code k} question ordinals of {@code selection}, nearest first by exact dot product. */
    int[] nearest(float[] query, int k, Selection selection) {
        if (vectors.length == 0 || k <= 0 || selection.count() == 0 || query.length != vectors[0].length) {
            return new int[0];
        }
        return searcher == null ? scan(query, k, selection) : searchGraph(query, k, selection);
    }

    double similarity(int question, float[] query) {
        return dot(vectors[question], query);
    }

    private int[] scan(float[] query, int k, Selection selection) {
        int[] best = new int[k];
        double[] scores = new double[k];
        int n = 0;
        for (int q = 0; q < vectors.length; q++) {
            if (!selection.contains(q)) {
                continue;
            }
            double s = dot(vectors[q], query);
            if (n < k || s > scores[n - 1]) {
                int at = n < k ? n++ : n - 1;
                while (at > 0 && scores[at - 1] < s) {
                    scores[at] = scores[at - 1];
                    best[at] = best[at - 1];
                    at--;
                }
                scores[at] = s;
                best[at] = q;
            }
        }
        return Arrays.copyOf(best, n);
    }

    private int[] searchGraph(float[] query, int k, Selection selection) {
        try {
            // Lucene walks the graph, or scans exactly when the selection leaves few questions.
            Query filter = selection.count() == vectors.length ? null : new Accepted(selection.bits(), selection.count());
            ScoreDoc[] hits = searcher.search(new KnnFloatVectorQuery(FIELD, query, k, filter), k).scoreDocs;
            Integer[] order = new Integer[hits.length];
            for (int i = 0; i < hits.length; i++) {
                order[i] = hits[i].doc;
            }
            Arrays.sort(order, (a, b) -> Double.compare(dot(vectors[b], query), dot(vectors[a], query)));
            return Arrays.stream(order).mapToInt(Integer::intValue).toArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static double dot(float[] a, float[] b) {
        if (a.length != b.length) {
            return 0;
        }
        // Four partial sums let the CPU overlap the multiply-adds of a long vector.
        float s0 = 0;
        float s1 = 0;
        float s2 = 0;
        float s3 = 0;
        int i = 0;
        for (int end = a.length - 3; i < end; i += 4) {
            s0 += a[i] * b[i];
            s1 += a[i + 1] * b[i + 1];
            s2 += a[i + 2] * b[i + 2];
            s3 += a[i + 3] * b[i + 3];
        }
        for (; i < a.length; i++) {
            s0 += a[i] * b[i];
        }
        return s0 + s1 + s2 + s3;
    }

    /** The questions that may be suggested now, as a Lucene filter over the single segment's documents. */
    private static final class Accepted extends Query {
        private final FixedBitSet bits;
        private final int count;

        Accepted(FixedBitSet bits, int count) {
            this.bits = bits;
            this.count = count;
        }

        @Override
        public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) {
            return new ConstantScoreWeight(this, boost) {
                @Override
                public Scorer scorer(LeafReaderContext context) {
                    return new ConstantScoreScorer(this, score(), scoreMode, new BitSetIterator(bits, count));
                }

                @Override
                public boolean isCacheable(LeafReaderContext ctx) {
                    return false;
                }
            };
        }

        @Override
        public void visit(QueryVisitor visitor) {
            visitor.visitLeaf(this);
        }

        @Override
        public String toString(String field) {
            return "accepted questions (" + count + ")";
        }

        @Override
        public boolean equals(Object other) {
            return this == other;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(this);
        }
    }
}
