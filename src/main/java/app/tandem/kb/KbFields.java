package app.tandem.kb;

/** Names of the fields of a knowledge-base index document (one per passage or learned question). */
final class KbFields {

    static final String ARTICLE = "article";
    /** Present on one document per article: counting it counts articles. */
    static final String FIRST = "first";
    static final String VERSION = "version";
    static final String PASSAGE = "passage";
    static final String LANGUAGE = "language";
    static final String STATUS = "status";
    static final String TAG = "tag";
    static final String TITLE = "title";
    /** On a learned-question document: the article's first passage, which answers it. */
    static final String ANSWER = "answer";

    private KbFields() {}

    static String text(String language) {
        return "text_" + language;
    }

    /** Title and intents: what the article is about, searched beside each passage. */
    static String about(String language) {
        return "about_" + language;
    }

    static String vector(String language) {
        return "vector_" + language;
    }
}
