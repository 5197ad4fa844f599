package app.tandem.eval;

/** One evaluation example: a customer's text and its label (a Banking77 intent name, say). */
public record LabelledText(String text, String label) {}
