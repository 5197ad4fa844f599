package app.tandem.eval;

import app.tandem.nlp.Language;

/** One image of an OCR evaluation with the text a person reads on it, line by line. */
public record OcrSample(String name, Language language, byte[] image, String expected) {}
