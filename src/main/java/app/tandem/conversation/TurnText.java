package app.tandem.conversation;

import java.util.Optional;

/**
 * The stored text of a customer turn that carried an attachment: what the customer typed, then the read text marked
 * with where it was read from. One turn, so understanding and suggestions read it like any other with no change.
 */
public final class TurnText {

    private TurnText() {}

    /**
     * The turn's text, at most {@code limit} characters: the typed text whole (it was checked against the limit),
     * the read text cut to what is left, since the attachment keeps all of it.
     */
    public static String compose(String typed, ReadFrom source, Optional<ReadText> read, int limit) {
        String said = typed == null ? "" : typed.strip();
        Optional<String> text = read.map(ReadText::text).filter(t -> !t.isBlank());
        if (text.isEmpty()) {
            return said;
        }
        String marked = (said.isEmpty() ? "" : said + "\n") + source.marker() + " ";
        String body = marked + text.get();
        if (body.length() <= limit) {
            return body;
        }
        int cut = Math.max(marked.length(), limit);
        // Never half a character: a cut between a surrogate pair would store a broken one.
        return body.substring(0, Character.isLowSurrogate(body.charAt(cut)) ? cut - 1 : cut);
    }
}
