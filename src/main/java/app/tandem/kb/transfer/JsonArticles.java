package app.tandem.kb.transfer;

import app.tandem.kb.ArticleFile;
import app.tandem.kb.ArticleFormatException;
import app.tandem.kb.ArticleProblem.Kind;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Walks a JSON import with the streaming parser, one article object at a time, keeping only the values an article
 * has: a tree of the whole file, or of one article with a million tags, would cost many times the file's size.
 */
final class JsonArticles {

    /**
     * Most entries a list ({@code tags}, {@code intents}) may hold: as many as fit in an article file's front matter,
     * which is where they go ({@link ArticleFile#MAX_FRONT_MATTER_LINES}).
     */
    static final int MAX_LIST_ENTRIES = ArticleFile.MAX_FRONT_MATTER_LINES;

    /** One article's fields: scalar values as text, lists of scalars as lists; anything else is dropped. */
    static final class Fields {

        private final Map<String, String> texts = new HashMap<>();
        private final Map<String, List<String>> lists = new HashMap<>();
        private final Map<String, Kind> refused = new HashMap<>();

        /** The field's value as text, or null when it is absent, null or not a single value. */
        String text(String field) {
            return texts.get(field);
        }

        /** The field's list, empty when absent or null; a field that is not a list of strings, or too long a one, is refused. */
        List<String> strings(String field) {
            Kind kind = texts.containsKey(field) ? Kind.NOT_A_STRING_LIST : refused.get(field);
            if (kind == Kind.LIST_TOO_LONG) {
                throw new ArticleFormatException(kind, field, MAX_LIST_ENTRIES);
            }
            if (kind != null) {
                throw new ArticleFormatException(kind, field);
            }
            return lists.getOrDefault(field, List.of());
        }
    }

    private JsonArticles() {}

    /**
     * Moves the parser into the list of articles: the document's top array, or the array under an {@code articles}
     * field of the top object. False when there is none.
     */
    static boolean toList(JsonParser parser) throws IOException {
        JsonToken top = parser.nextToken();
        if (top == JsonToken.START_ARRAY) {
            return true;
        }
        if (top != JsonToken.START_OBJECT) {
            return false;
        }
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            if (field.equals("articles")) {
                return value == JsonToken.START_ARRAY;
            }
            parser.skipChildren();
        }
        return false;
    }

    /** Reads the value the parser is on as one article; a value that is not an object has no fields. */
    static Fields read(JsonParser parser) throws IOException {
        Fields fields = new Fields();
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            parser.skipChildren();
            return fields;
        }
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            if (value == JsonToken.START_ARRAY) {
                list(parser, field, fields);
            } else if (value.isScalarValue()) {
                if (value != JsonToken.VALUE_NULL) {
                    fields.texts.put(field, parser.getText());
                }
                fields.lists.remove(field);
                fields.refused.remove(field);
            } else {
                parser.skipChildren();
                fields.refused.put(field, Kind.NOT_A_STRING_LIST);
            }
        }
        return fields;
    }

    private static void list(JsonParser parser, String field, Fields fields) throws IOException {
        List<String> values = new ArrayList<>();
        JsonToken item;
        while ((item = parser.nextToken()) != JsonToken.END_ARRAY) {
            if (values.size() == MAX_LIST_ENTRIES) {
                parser.skipChildren();
                skipRest(parser);
                fields.refused.put(field, Kind.LIST_TOO_LONG);
                return;
            }
            values.add(item.isScalarValue() && item != JsonToken.VALUE_NULL ? parser.getText() : "");
            parser.skipChildren();
        }
        fields.lists.put(field, values);
        fields.texts.remove(field);
        fields.refused.remove(field);
    }

    private static void skipRest(JsonParser parser) throws IOException {
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            parser.skipChildren();
        }
    }
}
