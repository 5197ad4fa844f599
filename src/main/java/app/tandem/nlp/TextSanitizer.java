package app.tandem.nlp;

/**
 * Makes any Java string safe for the native tokenizer: an unpaired surrogate cannot be converted
 * to UTF-8 for the native side, so it becomes U+FFFD; control characters (other than tab and line
 * breaks, which the tokenizer treats as spaces) become spaces, as BERT's own normaliser would drop them.
 */
final class TextSanitizer {

    private TextSanitizer() {
    }

    static String clean(String text) {
        if (text == null) {
            throw new IllegalArgumentException("text to encode must not be null");
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            char replacement = c;
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    if (out != null) {
                        out.append(c).append(text.charAt(i + 1));
                    }
                    i++;
                    continue;
                }
                replacement = '\uFFFD';
            } else if (Character.isLowSurrogate(c)) {
                replacement = '\uFFFD';
            } else if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') {
                replacement = ' ';
            }
            if (replacement != c && out == null) {
                out = new StringBuilder(text.length()).append(text, 0, i);
            }
            if (out != null) {
                out.append(replacement);
            }
        }
        return out == null ? text : out.toString();
    }
}
