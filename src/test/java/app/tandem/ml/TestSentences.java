package app.tandem.ml;

import java.util.ArrayList;
import java.util.List;

/** Sentences for accuracy tests: English, Chinese, mixed, odd, and long enough to be truncated. */
public final class TestSentences {

    private TestSentences() {
    }

    public static List<String> english() {
        return List.of(
                "How do I reset my online banking password?",
                "My card was declined at the supermarket this morning.",
                "I want to dispute a transaction I don't recognise.",
                "What is the daily withdrawal limit for ATMs abroad?",
                "Can you increase my credit card limit?",
                "I lost my wallet with my debit card inside.",
                "Why was I charged a foreign transaction fee?",
                "Please update my mailing address.",
                "The app keeps logging me out after the update.",
                "How long does an international wire transfer take?",
                "I'd like to close my savings account.",
                "Is there a fee for paying my mortgage early?",
                "hi",
                "Thanks, that's all!",
                "Transfer 250.00 EUR to IBAN DE89 3704 0044 0532 0130 00 tomorrow.",
                "My PIN is blocked after three wrong attempts; what now?",
                "Do you offer overdraft protection on student accounts?",
                "I was charged twice for the same hotel booking.");
    }

    public static List<String> chinese() {
        return List.of(
                "我的信用卡被盗了怎么办？",
                "如何修改网上银行的登录密码",
                "这笔扣款我不认识，想申请退款。",
                "境外取现每天最多可以取多少钱？",
                "我想提高信用卡额度。",
                "手机银行一直闪退怎么办",
                "请帮我查一下上个月的账单",
                "贷款提前还款要收违约金吗？",
                "你好",
                "银行卡被冻结了，怎么解冻？",
                "跨行转账多久能到账？",
                "我要注销储蓄卡",
                "理财产品到期后资金什么时候到账？");
    }

    public static List<String> mixed() {
        return List.of(
                "我的visa卡在国外被拒了",
                "Can I use my 银联 card in Japan?",
                "APP登录不了，提示error 503",
                "My 信用卡 bill is wrong, 请核对一下",
                "转账到 HSBC 香港账户需要 SWIFT code 吗？",
                "🙂👍",
                "!!!???",
                "1234 5678 9012 3456");
    }

    /** Texts longer than any model's max tokens, so they are truncated by the tokenizer. */
    public static List<String> longTexts() {
        String en = "I called your hotline several times about the duplicated charge on my statement, "
                + "and every time I was transferred to another department without any resolution. ";
        String zh = "我多次拨打客服热线反映账单上的重复扣款问题，每次都被转接到其他部门，至今没有得到解决。";
        List<String> out = new ArrayList<>();
        out.add(en.repeat(20));
        out.add(zh.repeat(20));
        out.add((en + zh).repeat(8));
        return out;
    }

    public static List<String> all() {
        List<String> out = new ArrayList<>();
        out.addAll(english());
        out.addAll(chinese());
        out.addAll(mixed());
        out.addAll(longTexts());
        return out;
    }
}
