package app.tandem.ui.desk;

import app.tandem.assist.SuggestionNotice;
import java.util.List;
import java.util.Optional;

/**
 * A line the desk shows the agent (the suggestion panel's notice, the compose box's error) as data: what
 * happened and its arguments. {@link NoticeTexts} words it in the desk's language (ADR 0005); tests and
 * the view compare kinds, not English.
 *
 * @param args  what the words are built from (a length, the gaps still to fill in), in key order
 * @param cause the failure behind {@link Kind#SUGGESTIONS_FAILED}, {@link Kind#BACKGROUND_FAILED} and {@link Kind#SEND_FAILED}
 */
public record Notice(Kind kind, List<Object> args, Optional<Throwable> cause) {

    public enum Kind {
        /** Nothing to say: the line is hidden. */
        NONE,
        NO_CONVERSATION,
        LOADING,
        WAITING,
        /** Suggestions came, none of them a reply or an article. */
        NOTHING,
        /** The assist service's own notices ({@link SuggestionNotice}). */
        ABSTAIN,
        NO_MATCH,
        EMPTY_KB,
        /** A supervisor withdrew the Smart Reply the agent chose. */
        WITHDRAWN,
        SUGGESTIONS_FAILED,
        BACKGROUND_FAILED,
        /** The reply is longer than a message may be (args: its length, the most allowed). */
        TOO_LONG,
        /** The reply still has macro gaps (args: the gaps, as they stand in the text). */
        FILL_IN,
        /** The Smart Reply in the box was withdrawn before it was sent; the text stays as the agent's own. */
        REPLY_WITHDRAWN,
        SEND_FAILED
    }

    public static final Notice NONE = of(Kind.NONE);

    public Notice {
        args = List.copyOf(args);
    }

    public static Notice of(Kind kind, Object... args) {
        return new Notice(kind, List.of(args), Optional.empty());
    }

    public static Notice failed(Kind kind, Throwable cause) {
        return new Notice(kind, List.of(), Optional.ofNullable(cause));
    }

    /** The assist service's notice, as the desk's. */
    public static Notice fromAssist(SuggestionNotice notice) {
        return switch (notice) {
            case ABSTAIN -> of(Kind.ABSTAIN);
            case NO_MATCH -> of(Kind.NO_MATCH);
            case EMPTY_KB -> of(Kind.EMPTY_KB);
            case WAITING -> of(Kind.WAITING);
        };
    }

    public boolean isNone() {
        return kind == Kind.NONE;
    }
}
