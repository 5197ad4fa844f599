package app.tandem.eval.fuzz;

import app.tandem.kb.ArticleFormatException;
import app.tandem.kb.StaleArticleException;
import app.tandem.kb.curation.NotPermittedException;
import app.tandem.kb.transfer.ImportChangedException;
import app.tandem.kb.transfer.ImportRefusedException;
import app.tandem.security.InvalidAccountException;
import app.tandem.work.RefusedException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Tells the product's own refusals from everything else, and whether a refusal says why in a sentence a bank
 * supervisor understands. Such a sentence names no Java class, says no "Exception", holds no stack frame
 * and no H2 message, and is short enough to read.
 */
final class Refusals {

    /** Longer than this, a refusal quotes what it refuses instead of saying why. */
    static final int MAX_SENTENCE = 1_000;

    private static final Pattern QUALIFIED_CLASS = Pattern.compile("\\b(?:[a-z][a-z0-9_]*\\.){2,}[A-Z][A-Za-z0-9_$]*");
    private static final Pattern NESTED_CLASS = Pattern.compile("\\b[A-Z][A-Za-z0-9]*[a-z][A-Za-z0-9]*\\.[A-Z][A-Za-z0-9]+\\b");
    private static final Pattern THROWABLE_NAME = Pattern.compile("(?:Exception|Error)\\b");
    private static final Pattern STACK_FRAME = Pattern.compile("\\bat [\\w.$]+\\([\\w.]*(?::\\d+)?\\)");
    private static final Pattern H2_MESSAGE = Pattern.compile("\\[\\d{5}-\\d{3}]|SQL statement|org\\.h2");
    private static final Pattern TWO_WORDS = Pattern.compile("\\p{L}{2,}\\s+\\p{L}+");

    private Refusals() {}

    /**
     * True when {@code t} is one of the ways Tandem refuses input on purpose: a refusal type of its own, or an
     * {@link IllegalArgumentException} that Tandem's code threw (not the JDK's or a library's).
     */
    static boolean isRefusal(Throwable t) {
        if (t instanceof RefusedException || t instanceof ArticleFormatException || t instanceof ImportRefusedException
                || t instanceof ImportChangedException || t instanceof StaleArticleException
                || t instanceof InvalidAccountException || t instanceof NotPermittedException) {
            return true;
        }
        return t instanceof IllegalArgumentException && t.getStackTrace().length > 0
                && t.getStackTrace()[0].getClassName().startsWith("app.tandem.");
    }

    /** Why {@code sentence} is not a clear refusal, or empty when it is one. */
    static Optional<String> unclear(String sentence) {
        if (sentence == null || sentence.isBlank() || sentence.strip().equals("null")) {
            return Optional.of("the refusal has no message");
        }
        if (sentence.length() > MAX_SENTENCE) {
            return Optional.of("the refusal is " + sentence.length() + " characters long (it quotes the input)");
        }
        if (!TWO_WORDS.matcher(sentence).find()) {
            return Optional.of("the refusal is not a sentence: \"" + sentence + "\"");
        }
        for (Pattern p : new Pattern[] {QUALIFIED_CLASS, NESTED_CLASS, THROWABLE_NAME, STACK_FRAME, H2_MESSAGE}) {
            if (p.matcher(sentence).find()) {
                return Optional.of("the refusal speaks Java or H2: \"" + sentence + "\"");
            }
        }
        return Optional.empty();
    }

    /** The outcome of a thrown refusal: REFUSED when its message is clear, else FAILED saying why. */
    static Outcome of(Throwable refusal) {
        return judged(refusal.getMessage());
    }

    static Outcome judged(String sentence) {
        return unclear(sentence).map(Outcome::failed).orElseGet(() -> Outcome.refused(sentence));
    }

    /** A failure's one-line description: the throwable's class and message, and where Tandem's code was. */
    static String describe(Throwable t) {
        StringBuilder s = new StringBuilder(t.getClass().getName());
        if (t.getMessage() != null) {
            String m = t.getMessage();
            s.append(": ").append(m.length() > 300 ? m.substring(0, 300) + "…" : m);
        }
        for (StackTraceElement e : t.getStackTrace()) {
            if (e.getClassName().startsWith("app.tandem.") && !e.getClassName().startsWith("app.tandem.eval.fuzz.")) {
                s.append(" at ").append(e.getClassName().substring("app.tandem.".length())).append('.')
                        .append(e.getMethodName()).append(':').append(e.getLineNumber());
                break;
            }
        }
        return s.toString();
    }
}
