package app.tandem.kb.gaps;

/** Two articles in one language that say nearly the same thing. */
public record DuplicatePair(String firstId, String firstTitle, String secondId, String secondTitle, String language,
                            double similarity) {}
