package app.tandem.web;

import java.util.Arrays;
import java.util.Optional;

/** The languages the chat page is offered in, by the tag the page sends. */
enum ChatLanguage {
    ENGLISH("en"),
    SIMPLIFIED_CHINESE("zh-CN");

    private final String tag;

    ChatLanguage(String tag) {
        this.tag = tag;
    }

    String tag() {
        return tag;
    }

    static Optional<ChatLanguage> fromTag(String tag) {
        return Arrays.stream(values()).filter(l -> l.tag.equals(tag)).findFirst();
    }
}
