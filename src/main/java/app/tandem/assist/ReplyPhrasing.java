package app.tandem.assist;

/**
 * Turns an article passage into something an agent can send: a short opener, the answer, and an
 * offer of further help, in the customer's language.
 */
final class ReplyPhrasing {

    private ReplyPhrasing() {}

    static String reply(String passage, String language) {
        String answer = passage.strip();
        if ("zh".equals(language)) {
            return "感谢您的咨询。" + answer + " 请问还有其他可以帮您的吗？";
        }
        return "Thanks for getting in touch. " + answer + " Is there anything else I can help with?";
    }
}
