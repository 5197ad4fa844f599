package app.tandem.kb.gaps;

import java.time.Instant;
import java.util.OptionalDouble;

/**
 * A customer's turn that got no confident suggestion: none at all, only rejected or ignored ones,
 * or none above the confidence threshold ({@code topConfidence} is the best one shown, if any).
 */
public record CustomerQuestion(long conversationId, int seq, String text, Instant askedAt, OptionalDouble topConfidence) {}
