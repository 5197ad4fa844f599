package app.tandem.kb;

import app.tandem.work.Progress;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.WordlistLoader;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.util.IOUtils;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ControlledRealTimeReopenThread;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.QueryBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Lucene index of the knowledge base: one document per passage, BM25 over an English and a
 * Chinese analysed field. It is derived data: {@link KnowledgeBase} rebuilds it from the database
 * when it is missing, corrupt, or from another schema.
 *
 * <p>One {@link IndexWriter}; a {@link SearcherManager} refreshed by a
 * {@link ControlledRealTimeReopenThread}, so an edit is searchable as soon as {@link #put} returns.
 */
public final class KbIndex implements AutoCloseable {

    /** Bump when the document layout changes: an index with another value is rebuilt. */
    static final String SCHEMA = "kb-passages-2";
    /** Longer customer messages are cut for the query; the start carries the question. */
    public static final int MAX_QUERY_CHARS = 512;
    private static final int PASSAGES_PER_SEARCH = 60;
    private static final float TITLE_BOOST = 1.0f;

    static final String F_ARTICLE = "article";
    static final String F_FIRST = "first";
    static final String F_VERSION = "version";
    static final String F_PASSAGE = "passage";
    static final String F_LANGUAGE = "language";
    static final String F_STATUS = "status";
    static final String F_TAG = "tag";
    static final String F_TITLE = "title";
    static final String F_SCHEMA = "schema";
    static final String F_ANSWER = "answer";

    private static final Logger log = LoggerFactory.getLogger(KbIndex.class);

    private final Path folder;
    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final ControlledRealTimeReopenThread<IndexSearcher> reopener;
    private final Analyzer analyzer;
    private final Highlights highlights;

    private KbIndex(Path folder, Directory directory, IndexWriter writer, Analyzer analyzer) throws IOException {
        this.folder = folder;
        this.directory = directory;
        this.writer = writer;
        this.analyzer = analyzer;
        this.searchers = new SearcherManager(writer, new SearcherFactory());
        this.reopener = new ControlledRealTimeReopenThread<>(writer, searchers, 1.0, 0.02);
        this.reopener.setName("kb-index-reopen");
        this.reopener.setDaemon(true);
        this.reopener.start();
        this.highlights = new Highlights(analyzer);
    }

    /**
     * Opens the index in {@code folder}. A corrupt or unreadable index, or one written with another
     * schema, is wiped and reopened empty; {@link #needsRebuild} then says so.
     */
    public static KbIndex open(Path folder) {
        Analyzer analyzer = analyzer();
        try {
            Files.createDirectories(folder);
            try {
                return openExisting(folder, analyzer);
            } catch (IOException | RuntimeException e) {
                log.warn("The knowledge-base index in {} cannot be used ({}); it will be rebuilt", folder, e.toString());
                wipe(folder);
                return openExisting(folder, analyzer);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the knowledge-base index in " + folder, e);
        }
    }

    private static KbIndex openExisting(Path folder, Analyzer analyzer) throws IOException {
        Directory directory = FSDirectory.open(folder);
        boolean existed = DirectoryReader.indexExists(directory);
        if (existed) {
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                String schema = reader.getIndexCommit().getUserData().get(F_SCHEMA);
                if (!SCHEMA.equals(schema)) {
                    directory.close();
                    throw new IOException("index schema " + schema + ", expected " + SCHEMA);
                }
            } catch (IOException | RuntimeException e) {
                directory.close();
                throw e;
            }
        }
        IndexWriterConfig config = new IndexWriterConfig(analyzer).setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
        IndexWriter writer = new IndexWriter(directory, config);
        writer.setLiveCommitData(Map.of(F_SCHEMA, SCHEMA).entrySet());
        if (!existed) {
            writer.commit();
        }
        return new KbIndex(folder, directory, writer, analyzer);
    }

    private static Analyzer analyzer() {
        Map<String, Analyzer> perField = Map.of(
                textField("en"), english(), titleField("en"), english(),
                textField("zh"), new SmartChineseAnalyzer(), titleField("zh"), new SmartChineseAnalyzer());
        return new PerFieldAnalyzerWrapper(english(), perField);
    }

    /**
     * English with Snowball's stop list rather than Lucene's short default: customers write "I", "my",
     * "you", "could", which otherwise match every passage. Measured with {@code eval retrieval}.
     */
    private static Analyzer english() {
        try (Reader list = IOUtils.getDecodingReader(SnowballFilter.class, "english_stop.txt", StandardCharsets.UTF_8)) {
            CharArraySet stop = WordlistLoader.getSnowballWordSet(list);
            // Negations change what a customer means ("hasn't arrived", "not working"): keep them.
            CharArraySet kept = new CharArraySet(stop.size(), true);
            for (Object word : stop) {
                String w = new String((char[]) word);
                if (!w.equals("no") && !w.equals("not") && !w.equals("nor") && !w.endsWith("n't") && !w.equals("cannot")) {
                    kept.add(w);
                }
            }
            return new EnglishAnalyzer(kept);
        } catch (IOException e) {
            throw new UncheckedIOException("Lucene's English stop list is missing from the class path", e);
        }
    }

    static String textField(String language) {
        return "text_" + language;
    }

    static String titleField(String language) {
        return "title_" + language;
    }

    /** How many articles the index holds. */
    public int articleCount() {
        return withSearcher(s -> s.count(new TermQuery(new Term(F_FIRST, "1"))));
    }

    public int passageCount() {
        return withSearcher(s -> s.getIndexReader().numDocs());
    }

    /** Adds or replaces an article with its learned questions; it is searchable when this returns. */
    public void put(Article article, List<AlternateQuestion> questions) {
        try {
            long generation = writer.updateDocuments(new Term(F_ARTICLE, article.id()), documents(article, questions));
            writer.commit();
            reopener.waitForGeneration(generation);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot index article " + article.id(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public void remove(String articleId) {
        try {
            long generation = writer.deleteDocuments(new Term(F_ARTICLE, articleId));
            writer.commit();
            reopener.waitForGeneration(generation);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot remove article " + articleId + " from the index", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Replaces the whole index with these articles. Cancelling leaves it empty, which the next
     * start notices (article count differs from the database) and rebuilds again.
     */
    public void rebuild(List<Article> articles, Map<String, List<AlternateQuestion>> questions, Progress progress) {
        try {
            writer.deleteAll();
            int done = 0;
            for (Article article : articles) {
                progress.checkCancelled();
                writer.addDocuments(documents(article, questions.getOrDefault(article.id(), List.of())));
                progress.update(++done, articles.size(), article.title());
            }
            writer.commit();
            searchers.maybeRefreshBlocking();
        } catch (Progress.CancelledException e) {
            rollbackQuietly();
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot rebuild the knowledge-base index", e);
        }
    }

    private void rollbackQuietly() {
        // IndexWriter.rollback() would close the writer, and this index lives on: leave it empty instead.
        try {
            writer.deleteAll();
            writer.commit();
        } catch (IOException e) {
            log.warn("Could not clean up after a cancelled rebuild", e);
        }
    }

    /**
     * Articles for a customer message or an agent's search, best first, each with its best passage.
     * Any text is safe: it is analysed, never parsed as query syntax.
     */
    public List<ArticleHit> search(String text, SearchFilter filter, int limit) {
        String queryText = text == null ? "" : text.strip();
        if (queryText.length() > MAX_QUERY_CHARS) {
            queryText = queryText.substring(0, MAX_QUERY_CHARS);
        }
        Optional<Query> relevance = relevance(queryText, filter.language());
        if (relevance.isEmpty() || limit <= 0) {
            return List.of();
        }
        Query query = filtered(relevance.get(), filter);
        return withSearcher(searcher -> {
            TopDocs top = searcher.search(query, PASSAGES_PER_SEARCH);
            Map<String, ArticleHit> best = new LinkedHashMap<>();
            for (ScoreDoc sd : top.scoreDocs) {
                Document doc = searcher.storedFields().document(sd.doc);
                String id = doc.get(F_ARTICLE);
                if (best.containsKey(id)) {
                    continue;
                }
                String language = doc.get(F_LANGUAGE);
                boolean question = doc.get(F_ANSWER) != null;
                String passage = question ? doc.get(F_ANSWER) : doc.get(textField(language));
                Snippet snippet = highlights.of(textField(language), relevance.get(), passage);
                Optional<String> matchedQuestion = question ? Optional.of(doc.get(textField(language))) : Optional.empty();
                best.put(id, new ArticleHit(id, doc.getField(F_VERSION).numericValue().intValue(), doc.get(F_TITLE),
                        language, doc.getField(F_PASSAGE).numericValue().intValue(), passage, snippet, sd.score,
                        matchedQuestion));
                if (best.size() == limit) {
                    break;
                }
            }
            return new ArrayList<>(best.values());
        });
    }

    private Optional<Query> relevance(String text, Optional<String> language) {
        if (text.isEmpty()) {
            return Optional.empty();
        }
        QueryBuilder builder = new QueryBuilder(analyzer);
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        boolean hasClause = false;
        for (String lang : language.map(List::of).orElse(List.of("en", "zh"))) {
            Query body = builder.createBooleanQuery(textField(lang), text, Occur.SHOULD);
            Query title = builder.createBooleanQuery(titleField(lang), text, Occur.SHOULD);
            if (body != null) {
                any.add(body, Occur.SHOULD);
                hasClause = true;
            }
            if (title != null) {
                any.add(new BoostQuery(title, TITLE_BOOST), Occur.SHOULD);
            }
        }
        return hasClause ? Optional.of(any.build()) : Optional.empty();
    }

    private static Query filtered(Query relevance, SearchFilter filter) {
        BooleanQuery.Builder q = new BooleanQuery.Builder().add(relevance, Occur.MUST);
        filter.language().ifPresent(l -> q.add(new TermQuery(new Term(F_LANGUAGE, l)), Occur.FILTER));
        filter.tag().ifPresent(t -> q.add(new TermQuery(new Term(F_TAG, t)), Occur.FILTER));
        List<BytesRef> statuses = filter.statuses().stream().map(s -> new BytesRef(s.name())).toList();
        q.add(new TermInSetQuery(F_STATUS, statuses), Occur.FILTER);
        return q.build();
    }

    /**
     * One document per passage, and one per learned question. A question document quotes the
     * article's first passage, which by the house style is the direct answer.
     */
    private static List<Document> documents(Article article, List<AlternateQuestion> questions) {
        List<Passage> passages = Passages.of(article);
        List<Document> docs = new ArrayList<>();
        for (Passage passage : passages) {
            Document doc = articleFields(article, passage.index());
            if (passage.index() == 0) {
                doc.add(new StringField(F_FIRST, "1", Field.Store.NO)); // one per article: counts articles
            }
            doc.add(new TextField(textField(article.language()), passage.text(), Field.Store.YES));
            docs.add(doc);
        }
        if (!passages.isEmpty()) {
            for (AlternateQuestion q : questions) {
                Document doc = articleFields(article, 0);
                doc.add(new TextField(textField(article.language()), q.text(), Field.Store.YES));
                doc.add(new StoredField(F_ANSWER, passages.get(0).text()));
                docs.add(doc);
            }
        }
        return docs;
    }

    private static Document articleFields(Article article, int passageIndex) {
        Document doc = new Document();
        doc.add(new StringField(F_ARTICLE, article.id(), Field.Store.YES));
        doc.add(new StoredField(F_VERSION, article.version()));
        doc.add(new IntPoint(F_PASSAGE, passageIndex));
        doc.add(new StoredField(F_PASSAGE, passageIndex));
        doc.add(new StringField(F_LANGUAGE, article.language(), Field.Store.YES));
        doc.add(new StringField(F_STATUS, article.status().name(), Field.Store.YES));
        article.tags().forEach(t -> doc.add(new StringField(F_TAG, t, Field.Store.NO)));
        doc.add(new StoredField(F_TITLE, article.title()));
        doc.add(new TextField(titleField(article.language()), about(article), Field.Store.NO));
        return doc;
    }

    /**
     * What the article is about, searched beside each passage so a passage that never repeats the
     * topic still matches it: the title and the intents it answers ("card_arrival" → "card arrival").
     */
    private static String about(Article article) {
        StringBuilder about = new StringBuilder(article.title());
        article.intents().forEach(i -> about.append(". ").append(i.replace('_', ' ').replace("?", "")));
        return about.toString();
    }

    @FunctionalInterface
    private interface SearcherWork<T> {
        T run(IndexSearcher searcher) throws IOException;
    }

    private <T> T withSearcher(SearcherWork<T> work) {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return work.run(searcher);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The knowledge-base index could not be read", e);
        }
    }

    public Path folder() {
        return folder;
    }

    @Override
    public void close() {
        try {
            reopener.close();
            searchers.close();
            writer.close();
            directory.close();
        } catch (IOException e) {
            log.warn("Closing the knowledge-base index failed", e);
        }
    }

    private static void wipe(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                if (!p.equals(folder)) {
                    Files.delete(p);
                }
            }
        }
    }
}
