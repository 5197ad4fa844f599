package app.tandem.assist;

import java.util.List;

/**
 * The macros a new data folder starts with: everyday retail-banking replies in English and Chinese.
 * Each names the intents whose questions it answers in full; a greeting, a closing and the identity
 * check asked before looking at an account answer none (Banking77 has no balance question, and
 * {@code verify_my_identity} asks how the app's identity check works, which this macro does not say).
 * V22 gives starter macros stored before it the same intents. The greetings are offered only to open a
 * conversation and the closings only once the agent has replied; V23 gives stored starters the same moments.
 */
public final class StarterMacros {

    private static final List<String> NONE = List.of();
    private static final List<String> LOST_CARD = List.of("lost_or_stolen_card", "compromised_card");
    private static final List<String> CARD_ON_ITS_WAY = List.of("card_arrival", "card_delivery_estimate");
    private static final List<String> DECLINED = List.of("declined_card_payment", "card_not_working");
    private static final List<String> UNRECOGNISED = List.of("card_payment_not_recognised");
    private static final List<String> TRANSFER = List.of("pending_transfer", "transfer_timing", "transfer_not_received_by_recipient");

    private StarterMacros() {}

    private static Macro m(String language, String title, List<String> intents, String body, String... triggers) {
        return at(Macro.Moment.ANY_TIME, language, title, intents, body, triggers);
    }

    private static Macro at(Macro.Moment moment, String language, String title, List<String> intents, String body,
            String... triggers) {
        return new Macro(0, language, title, body, List.of(triggers), intents, moment, true);
    }

    public static List<Macro> bundled() {
        return List.of(
                at(Macro.Moment.OPENING, "en", "Greeting", NONE, "Hi {customer.firstName}, thanks for contacting us. My name is {agent.name}. How can I help you today?",
                        "hello", "hi there", "good morning, I need some help", "hi, can someone help me"),
                m("en", "Freeze a lost or stolen card", LOST_CARD,
                        "I'm sorry to hear that, {customer.firstName}. I've placed a temporary freeze on your card ending {card.last4}, so no new payments can be made with it. Would you like me to order a replacement?",
                        "I lost my card", "my card was stolen", "please freeze my card", "I can't find my wallet with my card"),
                m("en", "Replacement card on its way", CARD_ON_ITS_WAY,
                        "Your replacement card for the card ending {card.last4} has been ordered and should arrive within 3 to 5 working days at the address we hold for you (up to 10 working days abroad).",
                        "when will my new card arrive", "I ordered a replacement card", "my new card hasn't come yet"),
                m("en", "Verify identity first", NONE,
                        "Before I look into your account, I need to confirm your identity. Could you please tell me your date of birth and the first line of your address?",
                        "can you check my account", "what is my balance", "tell me about my account details"),
                m("en", "Declined card payment", DECLINED,
                        "I can see the card ending {card.last4} is active. Payments are most often declined because of an incorrect PIN, an expired card or a spending limit. Could you tell me where and when you tried to pay?",
                        "my card was declined", "my payment didn't go through", "why was my card refused"),
                m("en", "Unrecognised transaction", UNRECOGNISED,
                        "Thank you for letting us know, {customer.firstName}. I've raised a dispute for the payment you don't recognise on the card ending {card.last4}; we'll be in touch within 10 working days. To be safe, I recommend freezing the card now.",
                        "there's a payment I don't recognise", "I didn't make this transaction", "someone used my card"),
                m("en", "Transfer still pending", TRANSFER,
                        "Transfers between our accounts are instant; transfers to other banks usually arrive within 2 hours and at the latest by the next working day. If it hasn't arrived by then, I can trace it for you.",
                        "my transfer hasn't arrived", "how long does a bank transfer take", "the money I sent is still pending"),
                at(Macro.Moment.CLOSING, "en", "Closing", NONE,
                        "Thank you for contacting us, {customer.firstName}. Is there anything else I can help you with today?",
                        "thanks, that's all", "thank you, bye", "great, that solved it"),
                at(Macro.Moment.OPENING, "zh", "问候", NONE, "{customer.name}您好，感谢您联系我们，我是{agent.name}，请问有什么可以帮您？",
                        "你好", "您好，我想咨询一下", "在吗", "有人吗"),
                m("zh", "挂失冻结银行卡", LOST_CARD, "很抱歉听到这个消息。我已为您尾号{card.last4}的卡办理临时冻结，该卡暂时无法进行新的交易。需要为您补办新卡吗？",
                        "我的卡丢了", "银行卡被偷了", "帮我冻结银行卡", "卡找不到了怎么办"),
                m("zh", "补卡寄送", CARD_ON_ITS_WAY, "您尾号{card.last4}的补办新卡已申请成功，预计3至5个工作日寄达您在我行登记的地址（境外地址最长10个工作日）。",
                        "新卡什么时候到", "我申请了补卡", "新卡还没收到"),
                m("zh", "先核实身份", NONE, "在查询您的账户之前，我需要先核实您的身份。请提供您的出生日期和登记地址的第一行。",
                        "帮我查一下账户", "我的余额是多少", "查询账户信息"),
                m("zh", "刷卡被拒", DECLINED, "我看到您尾号{card.last4}的卡状态正常。交易被拒通常是因为密码错误、卡片过期或超出消费限额。请问您是在什么时间、什么地方付款的？",
                        "我的卡刷不了", "付款被拒绝了", "为什么卡被拒"),
                m("zh", "不明交易", UNRECOGNISED, "感谢您告知。我已就您尾号{card.last4}的卡上不认识的交易提交争议申请，我们会在10个工作日内联系您。为安全起见，建议您现在冻结该卡。",
                        "有一笔交易不是我做的", "我不认识这笔扣款", "有人盗刷我的卡"),
                m("zh", "转账未到账", TRANSFER, "行内转账实时到账；跨行转账通常在2小时内到账，最晚下一个工作日。如届时仍未到账，我可以为您查询。",
                        "转账还没到账", "跨行转账要多久", "汇款一直在处理中"),
                at(Macro.Moment.CLOSING, "zh", "结束语", NONE, "感谢您的来电，{customer.name}。请问还有其他可以帮您的吗？",
                        "谢谢，没有了", "好的，谢谢", "问题解决了"));
    }
}
