package app.tandem.kb;

/** A query's sentence vector, in the vector space of the articles of {@code language}. */
public record QueryVector(String language, float[] vector) {}
