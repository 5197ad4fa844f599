package app.tandem.nlp.sentiment;

import app.tandem.nlp.Language;

/** A customer turn with its sentiment, from the labelled set or an agent's correction. */
public record LabelledTurn(String text, Language language, Sentiment label) {}
