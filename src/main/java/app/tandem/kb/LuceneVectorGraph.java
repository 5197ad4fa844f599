package app.tandem.kb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.BitSet;
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

/** {@link VectorGraph} as an in-memory Lucene index of one segment, whose document ids are the ordinals. */
final class LuceneVectorGraph implements VectorGraph {

    private static final String FIELD = "v";

    private final int size;
    private final int dimension;
    private final IndexSearcher searcher;

    private LuceneVectorGraph(int size, int dimension, DirectoryReader reader) {
        this.size = size;
        this.dimension = dimension;
        this.searcher = new IndexSearcher(reader);
    }

    static LuceneVectorGraph build(float[][] vectors) {
        ByteBuffersDirectory directory = new ByteBuffersDirectory();
        // One writer thread and one final segment keep document ids equal to vector ordinals.
        IndexWriterConfig config = new IndexWriterConfig().setRAMBufferSizeMB(512).setUseCompoundFile(false);
        try (IndexWriter writer = new IndexWriter(directory, config)) {
            for (float[] v : vectors) {
                Document doc = new Document();
                doc.add(new KnnFloatVectorField(FIELD, v, VectorSimilarityFunction.DOT_PRODUCT));
                writer.addDocument(doc);
            }
            writer.forceMerge(1);
            writer.commit();
            return new LuceneVectorGraph(vectors.length, vectors.length == 0 ? 0 : vectors[0].length,
                    DirectoryReader.open(directory));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not build the vector graph", e);
        }
    }

    @Override
    public int[] nearest(float[] query, int k, BitSet accepted, int acceptedCount) {
        if (size == 0 || k <= 0 || acceptedCount == 0 || query.length != dimension) {
            return new int[0];
        }
        try {
            // Lucene walks the graph, or scans exactly when the filter leaves few vectors.
            Query filter = acceptedCount == size ? null : new Accepted(fixed(accepted), acceptedCount);
            ScoreDoc[] hits = searcher.search(new KnnFloatVectorQuery(FIELD, query, k, filter), k).scoreDocs;
            return Arrays.stream(hits).mapToInt(h -> h.doc).toArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private FixedBitSet fixed(BitSet accepted) {
        long[] words = Arrays.copyOf(accepted.toLongArray(), FixedBitSet.bits2words(size));
        return new FixedBitSet(words, size);
    }

    /** The accepted vectors, as a Lucene filter over the single segment's documents. */
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
            return "accepted vectors (" + count + ")";
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
