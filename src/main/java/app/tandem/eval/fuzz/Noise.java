package app.tandem.eval.fuzz;

import java.util.List;
import java.util.Random;

/**
 * Words and characters for generated text: a banking customer's vocabulary in English and Chinese, and the
 * characters readers get wrong (CJK, emoji and other surrogate pairs, right-to-left text, combining marks,
 * zero-width and control characters).
 */
final class Noise {

    static final List<String> WORDS = List.of("card", "pin", "blocked", "transfer", "top-up", "fee", "account", "limit",
            "refund", "statement", "exchange", "rate", "branch", "cash", "delivery", "identity", "verify", "password",
            "phone", "stolen", "abroad", "pending", "charge", "direct", "debit", "IBAN", "GB29NWBK60161331926819",
            "4111 1111 1111 1111", "€120.50", "$3,000", "2024-02-30", "please", "urgent", "manager", "why", "how", "when");
    static final List<String> CHINESE = List.of("我的卡丢了", "转账没有到账", "汇率不对", "密码被锁", "身份验证失败",
            "手续费", "取现", "分行", "挂失", "退款");
    private static final String[] ODD = {"\u200B", "\u200D", "\uFEFF", "\u202E", "\u0301", "\u0000", "\u0007", "\t",
            "\r", "\u2028", "\uD83D\uDE00", "\uD83C\uDFE6", "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67",
            "\u05E9\u05DC\u05D5\u05DD", "\u0645\u0631\u062D\u0628\u0627", "\uFFFD", "\uD800", "\uDFFF", "\\", "\"", "'", "`",
            "<script>", "&amp;", "%s", "${x}", "{{x}}", "../", "C:\\", "NaN", "-0", "9999999999999999999999"};

    /**
     * Generated text stops growing past this many characters (a grammar's sizes multiply: rows of bodies of
     * tables), so that one input is at most a few MB, as a file a person picks is, within the 512 MB heap.
     */
    static final int MAX_CHARS = 1_500_000;

    private Noise() {}

    static String word(Random r) {
        return r.nextInt(8) == 0 ? CHINESE.get(r.nextInt(CHINESE.size())) : WORDS.get(r.nextInt(WORDS.size()));
    }

    static String odd(Random r) {
        return ODD[r.nextInt(ODD.length)];
    }

    static String cjk(Random r, int n) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) {
            s.appendCodePoint(0x4E00 + r.nextInt(0x9FA5 - 0x4E00));
        }
        return s.toString();
    }

    /** {@code n} different Han characters: a Chinese turn that gives the search one term per pair of them. */
    static String distinctCjk(int n) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) {
            s.appendCodePoint(0x4E00 + i * 7);
        }
        return s.toString();
    }

    /** A sentence of {@code words} words, now and then with an odd character, an emoji or a run of CJK. */
    static String sentence(Random r, int words) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < words; i++) {
            if (i > 0) {
                s.append(' ');
            }
            int pick = r.nextInt(20);
            if (pick == 0) {
                s.append(odd(r));
            } else if (pick == 1) {
                s.append(cjk(r, 1 + r.nextInt(12)));
            } else {
                s.append(word(r));
            }
        }
        return s.toString();
    }

    /** Mostly short, sometimes long, now and then huge: sizes as readers meet them. */
    static int size(Random r, int usual) {
        int pick = r.nextInt(40);
        if (pick == 0) {
            return usual * 200 + r.nextInt(usual * 200);
        }
        if (pick < 4) {
            return usual * 10 + r.nextInt(usual * 10);
        }
        return 1 + r.nextInt(usual);
    }

    static <T> T pick(Random r, List<T> from) {
        return from.get(r.nextInt(from.size()));
    }

    static String repeat(String s, int times) {
        return s.repeat(Math.max(0, times));
    }
}
