package app.tandem.conversation;

/**
 * What a customer sent rather than typed, whose text a turn carries as read by the machine. Only images today; an
 * office that plugs in speech-to-text for calls adds its origin here (say AUDIO) and the turn model needs no other
 * change (docs/architecture.md, "A turn's attachment").
 */
public enum ReadFrom {
    IMAGE("read from the image");

    private final String marker;

    ReadFrom(String marker) {
        this.marker = marker;
    }

    /**
     * How the read text is marked inside the turn's stored text. English and fixed: it is part of the stored turn
     * that understanding reads, not a desk label (the desk words the attachment itself from its bundles).
     */
    public String marker() {
        return "[" + marker + "]";
    }
}
