package app.tandem.web;

/**
 * A customer request the chat server will not act on, with the HTTP status and the one sentence the page shows.
 * Nothing was stored when it is thrown.
 */
final class ChatRefusal extends RuntimeException {

    private final int status;
    private final String code;

    ChatRefusal(int status, String code, String sentence) {
        super(sentence, null, false, false);
        this.status = status;
        this.code = code;
    }

    static ChatRefusal badRequest(String code, String sentence) {
        return new ChatRefusal(400, code, sentence);
    }

    int status() {
        return status;
    }

    /** A stable name the page may word in the customer's language; the sentence is the English fallback. */
    String code() {
        return code;
    }
}
