package app.tandem.nlp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LanguageDetectorTest {

    private final LanguageDetector detector = new LanguageDetector();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "How do I reset my password?|EN",
        "我的信用卡被盗了|ZH",
        "我的visa卡被冻结了|ZH",
        "APP登录不了，提示error 503|ZH",
        // the key word is Chinese, and only the Chinese model can read it
        "my 信用卡 was blocked yesterday|ZH",
        "Thanks, I will ask my bank manager about the 信用卡 tomorrow|EN",
        "Please check my 账单|ZH",
        "1234 5678|EN",
        "🙂👍|EN",
        "''|EN",
    })
    void routesByShareOfHanCharactersAmongWords(String text, Language expected) {
        assertEquals(expected, detector.detect(text));
    }
}
