package app.tandem.web;

import app.tandem.conversation.ConversationService;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the customer's JSON bodies, refusing anything that is not exactly what the page sends: UTF-8, one object,
 * known fields of the right type, text within {@link ConversationService#MAX_MESSAGE_LENGTH}.
 */
final class ChatRequests {

    /** What a customer may say they are: the bank's customer numbers are short letters and digits. */
    private static final Pattern CUSTOMER_NUMBER = Pattern.compile("[A-Za-z0-9-]{1,32}");
    /** A page-made id for one turn, so a resend after a lost answer is not stored twice. */
    /** A chat platform's own id for its customer: any printable text, kept short enough to show in a title. */
    private static final Pattern CUSTOMER_REFERENCE = Pattern.compile("[^\\p{Cntrl}]{1,128}");
    private static final Pattern TURN_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private final ObjectMapper json = new ObjectMapper();

    record Start(Optional<String> customerNumber, ChatLanguage language) {
    }

    record Turn(String text, Optional<String> turnId) {
    }

    /** A conversation a chat platform forwards: its own name for the customer, and the customer's first message. */
    record Opening(String customerReference, Optional<String> customerNumber, ChatLanguage language, String text) {
    }

    Start start(byte[] body) {
        return start(object(body, Set.of("customerNumber", "language")));
    }

    private static Start start(JsonNode object) {
        Optional<String> number = optionalText(object, "customerNumber").map(String::strip).filter(s -> !s.isEmpty());
        if (number.isPresent() && !CUSTOMER_NUMBER.matcher(number.get()).matches()) {
            throw ChatRequests.refused("bad_customer_number",
                    "A customer number is up to 32 letters and digits; leave it empty to chat without one.");
        }
        ChatLanguage language = optionalText(object, "language").map(tag -> ChatLanguage.fromTag(tag)
                        .orElseThrow(() -> refused("bad_language", "The language must be \"en\" or \"zh-CN\".")))
                .orElse(ChatLanguage.ENGLISH);
        return new Start(number, language);
    }

    Turn turn(byte[] body) {
        JsonNode object = object(body, Set.of("text", "turnId"));
        String text = text(object);
        Optional<String> turnId = optionalText(object, "turnId");
        if (turnId.isPresent() && !TURN_ID.matcher(turnId.get()).matches()) {
            throw refused("bad_turn_id", "A turn id is up to 64 letters, digits, '-' or '_'.");
        }
        return new Turn(text, turnId);
    }

    Opening opening(byte[] body) {
        JsonNode object = object(body, Set.of("customerReference", "customerNumber", "language", "text"));
        String reference = optionalText(object, "customerReference").map(String::strip).orElse("");
        if (!CUSTOMER_REFERENCE.matcher(reference).matches()) {
            throw refused("bad_customer_reference", "customerReference is the platform's id for the customer: "
                    + "1 to 128 characters, no control characters.");
        }
        Start start = start(object);
        return new Opening(reference, start.customerNumber(), start.language(), text(object));
    }

    String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A chat answer could not be written as JSON", e);
        }
    }

    private static String text(JsonNode object) {
        String text = optionalText(object, "text").map(String::strip).orElse("");
        if (text.isEmpty()) {
            throw refused("empty", "Type a message before sending.");
        }
        // Counted as ConversationService counts, so the page and the desk agree on what "too long" is.
        if (text.length() > ConversationService.MAX_MESSAGE_LENGTH) {
            throw refused("too_long", "This message has " + text.length() + " characters; the limit is "
                    + ConversationService.MAX_MESSAGE_LENGTH + ". Split it into shorter messages.");
        }
        return text;
    }

    private JsonNode object(byte[] body, Set<String> fields) {
        String text = utf8(body);
        if (text.isBlank()) {
            return json.createObjectNode();
        }
        JsonNode node;
        try {
            node = json.readTree(text);
        } catch (JsonProcessingException e) {
            throw refused("bad_json", "The request is not valid JSON.");
        }
        if (node == null || !node.isObject()) {
            throw refused("bad_json", "The request must be one JSON object.");
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!fields.contains(name)) {
                throw refused("bad_json", "The request has a field the chat does not know: " + name + ".");
            }
        }
        return node;
    }

    private static Optional<String> optionalText(JsonNode object, String field) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            throw refused("bad_json", "The field " + field + " must be text.");
        }
        return Optional.of(value.textValue());
    }

    /** Strict: a malformed byte is refused rather than replaced, so what is stored is what the customer typed. */
    private static String utf8(byte[] body) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw refused("not_utf8", "The request is not UTF-8 text.");
        }
    }

    private static ChatRefusal refused(String code, String sentence) {
        return ChatRefusal.badRequest(code, sentence);
    }
}
