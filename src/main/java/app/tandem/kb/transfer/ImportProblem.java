package app.tandem.kb.transfer;

/** One file (or row) of an import that cannot be read, and why. */
public record ImportProblem(String file, String reason) {}
