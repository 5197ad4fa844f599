package app.tandem.nlp.intent;

/** A labelled utterance: what the customer wrote and the intent it expresses. */
public record IntentExample(String text, String intent) {}
