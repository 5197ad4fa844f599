package app.tandem.conversation;

/** Text a machine read from what the customer sent, with its confidence (0–100): a low one says check it by eye. */
public record ReadText(String text, int confidence) {

    public ReadText {
        text = text.strip();
        confidence = Math.max(0, Math.min(100, confidence));
    }
}
