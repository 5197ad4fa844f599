package app.tandem.kb;

import app.tandem.nlp.TextEncoder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.VectorSimilarityFunction;

/**
 * Turns an article into index documents: one per passage, one for the title and one per learned
 * question, each with
 * the article's filter fields and, when an encoder is given, the text's sentence vector.
 */
final class KbDocuments {

    private KbDocuments() {}

    static List<Document> of(Article article, List<AlternateQuestion> questions, Optional<TextEncoder> encoder) {
        List<Passage> passages = Passages.of(article);
        if (passages.isEmpty()) {
            return List.of();
        }
        List<String> texts = new ArrayList<>();
        passages.forEach(p -> texts.add(p.text()));
        // The title is written as the question a customer would ask: it is searched like a learned question.
        texts.add(article.title());
        questions.forEach(q -> texts.add(q.text()));
        List<float[]> vectors = encoder.map(e -> e.encodePassages(texts)).orElse(List.of());

        List<Document> docs = new ArrayList<>();
        String textField = KbFields.text(article.language());
        for (int i = 0; i < texts.size(); i++) {
            boolean passage = i < passages.size();
            Document doc = common(article, passage ? passages.get(i).index() : 0);
            if (i == 0) {
                doc.add(new StringField(KbFields.FIRST, "1", Field.Store.NO));
            }
            doc.add(new TextField(textField, texts.get(i), Field.Store.YES));
            if (!passage) {
                // A question (title or learned) quotes the article's first passage, which by house style is the answer.
                doc.add(new StoredField(KbFields.ANSWER, passages.get(0).text()));
            }
            if (!vectors.isEmpty()) {
                doc.add(new KnnFloatVectorField(KbFields.vector(article.language()), vectors.get(i),
                        VectorSimilarityFunction.DOT_PRODUCT));
            }
            docs.add(doc);
        }
        return docs;
    }

    private static Document common(Article article, int passageIndex) {
        Document doc = new Document();
        doc.add(new StringField(KbFields.ARTICLE, article.id(), Field.Store.YES));
        doc.add(new StoredField(KbFields.VERSION, article.version()));
        doc.add(new StoredField(KbFields.PASSAGE, passageIndex));
        doc.add(new StringField(KbFields.LANGUAGE, article.language(), Field.Store.YES));
        doc.add(new StringField(KbFields.STATUS, article.status().name(), Field.Store.YES));
        article.tags().forEach(t -> doc.add(new StringField(KbFields.TAG, t, Field.Store.NO)));
        doc.add(new StoredField(KbFields.TITLE, article.title()));
        doc.add(new TextField(KbFields.about(article.language()), about(article), Field.Store.NO));
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
}
