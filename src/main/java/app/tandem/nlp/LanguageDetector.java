package app.tandem.nlp;

/**
 * Tells Chinese from English by script, which is all the routing between our two encoders needs.
 *
 * <p>Mixed text is common in both directions ("我的visa卡被冻结了", "my 信用卡 was blocked"), so the
 * rule counts units of meaning: every Han character is one unit, every run of Latin letters (a word)
 * is one unit, because a Chinese word is one or two characters while an English word is several
 * letters. Text is {@link Language#ZH} when Han characters are at least {@value #HAN_SHARE_FOR_ZH}
 * of the units. The bar is below one half on purpose: the Chinese model reads embedded English words
 * tolerably, the English models cannot read Han characters at all. Text with neither script
 * (digits, emoji, empty) is {@link Language#EN}, the default desk language.
 */
public final class LanguageDetector {

    static final double HAN_SHARE_FOR_ZH = 0.3;

    public Language detect(String text) {
        if (text == null || text.isEmpty()) {
            return Language.EN;
        }
        int han = 0;
        int latinWords = 0;
        boolean inLatinWord = false;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            Character.UnicodeScript script = Character.UnicodeScript.of(cp);
            boolean latinLetter = script == Character.UnicodeScript.LATIN && Character.isLetter(cp);
            if (script == Character.UnicodeScript.HAN) {
                han++;
            } else if (latinLetter && !inLatinWord) {
                latinWords++;
            }
            inLatinWord = latinLetter;
        }
        int units = han + latinWords;
        return units > 0 && han >= HAN_SHARE_FOR_ZH * units ? Language.ZH : Language.EN;
    }
}
