package app.tandem.conversation;

/** A message Tandem will not store, with the reason to show the person who wrote it. */
public final class MessageRejectedException extends IllegalArgumentException {

    public MessageRejectedException(String message) {
        super(message);
    }
}
