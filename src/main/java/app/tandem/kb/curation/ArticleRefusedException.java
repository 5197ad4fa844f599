package app.tandem.kb.curation;

import app.tandem.work.RefusedException;
import java.util.List;

/**
 * The editor will not start or save an article, and why, as data: the desk words it in the person's
 * language ({@code Texts.failure}); {@link #getMessage()} is the English for the log.
 */
public final class ArticleRefusedException extends RefusedException {

    public enum Reason implements WordedReason {
        NO_TITLE,
        /** args: the language asked for. */
        BAD_LANGUAGE,
        /** args: the id. */
        BAD_ID,
        /** args: the id, the language it must end in. */
        ID_WITHOUT_LANGUAGE,
        /** args: the id. */
        EXISTS,
        NO_TITLE_OR_BODY;

        @Override
        public String english(List<String> a) {
            return switch (this) {
                case NO_TITLE -> "A new article needs a title.";
                case BAD_LANGUAGE -> "The language must be en or zh, not \"" + a.get(0) + "\".";
                case BAD_ID -> "The id \"" + a.get(0) + "\" must be lower-case letters, digits and dashes (at most 127).";
                case ID_WITHOUT_LANGUAGE -> "The id \"" + a.get(0) + "\" must end in the language: -" + a.get(1) + ".";
                case EXISTS -> "An article with the id \"" + a.get(0) + "\" exists already: open it, or choose another title.";
                case NO_TITLE_OR_BODY -> "An article needs a title and a body.";
            };
        }
    }

    public ArticleRefusedException(Reason reason, String... args) {
        super(reason, args);
    }

    @Override
    public Reason reason() {
        return (Reason) super.reason();
    }
}
