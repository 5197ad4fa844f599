package app.tandem.ui.desk;

import app.tandem.ui.common.Texts;

/** Words a {@link Notice} in the desk's language; the keys and words are the ones the desk always showed. */
public final class NoticeTexts {

    private final Texts texts;

    public NoticeTexts(Texts texts) {
        this.texts = texts;
    }

    /** Empty for {@link Notice.Kind#NONE}. */
    public String words(Notice n) {
        Throwable cause = n.cause().orElse(null);
        return switch (n.kind()) {
            case NONE -> "";
            case NO_CONVERSATION -> texts.get("assist.noConversation");
            case LOADING -> texts.get("assist.loading");
            case WAITING -> texts.get("assist.waiting");
            case NOTHING -> texts.get("assist.nothing");
            case ABSTAIN -> texts.get("assist.abstain");
            case NO_MATCH -> texts.get("assist.noMatch");
            case EMPTY_KB -> texts.get("assist.emptyKb");
            case WITHDRAWN -> texts.get("assist.withdrawn");
            case SUGGESTIONS_FAILED -> texts.format("assist.failed", texts.failure(cause));
            case BACKGROUND_FAILED -> texts.failure("error.background", cause);
            case TOO_LONG -> texts.format("compose.tooLong", n.args().toArray());
            case FILL_IN -> texts.format("compose.fillIn", String.join(", ", n.args().stream().map(String::valueOf).toList()));
            case REPLY_WITHDRAWN -> texts.get("compose.withdrawn");
            case SEND_FAILED -> texts.failure(cause);
        };
    }
}
