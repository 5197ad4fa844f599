package app.tandem.channel;

import app.tandem.conversation.Author;
import app.tandem.conversation.ConversationService;
import app.tandem.customer.Customer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses Tandem transcript v1 files (docs/transcripts.md). */
public final class TranscriptFormat {

    private static final Pattern TURN = Pattern.compile("^(customer|agent)\\s*(?:\\(\\+(\\d+(?:\\.\\d+)?)s\\))?\\s*:\\s*(.*)$");
    private static final Pattern HEADER = Pattern.compile("^#\\s*([a-z-]+)\\s*:\\s*(.*)$");

    /** An explicit delay ("customer (+30s): …") longer than an hour is not a pause in a chat but a mistake. */
    static final int MAX_DELAY_SECONDS = 3_600;

    private TranscriptFormat() {}

    /** Without an explicit delay, a customer takes about a second plus typing time, at most eight. */
    static Duration typingDelay(String text) {
        long millis = Math.min(8_000, 1_000 + 50L * text.length());
        return Duration.ofMillis(millis);
    }

    public static Transcript parse(String name, String text) {
        Map<String, String> headers = new HashMap<>();
        List<Transcript.Turn> turns = new ArrayList<>();
        String[] lines = text.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("#")) {
                Matcher h = HEADER.matcher(line);
                if (h.matches()) {
                    String header = h.group(1);
                    String value = h.group(2).strip();
                    checkLength(name, i + 1, header, value);
                    headers.put(header, value);
                }
                continue;
            }
            Matcher t = TURN.matcher(line);
            if (!t.matches() || t.group(3).isBlank()) {
                throw new TranscriptFormatException(TranscriptFormatException.Problem.NOT_A_TURN, name, String.valueOf(i + 1),
                        abbreviate(line));
            }
            Author author = t.group(1).equals("customer") ? Author.CUSTOMER : Author.AGENT;
            String body = t.group(3).strip();
            // Measured here, where the line is known: the replay sends each turn later, and a turn the conversation
            // refuses then would stop the replay half-way, or a delay of years would never end it.
            if (body.length() > ConversationService.MAX_MESSAGE_LENGTH) {
                throw new TranscriptFormatException(TranscriptFormatException.Problem.TURN_TOO_LONG, name, String.valueOf(i + 1),
                        String.valueOf(body.length()), String.valueOf(ConversationService.MAX_MESSAGE_LENGTH));
            }
            if (t.group(2) != null && Double.parseDouble(t.group(2)) > MAX_DELAY_SECONDS) {
                throw new TranscriptFormatException(TranscriptFormatException.Problem.DELAY_TOO_LONG, name, String.valueOf(i + 1),
                        String.valueOf(MAX_DELAY_SECONDS));
            }
            Duration delay = t.group(2) != null
                    ? Duration.ofMillis(Math.round(Double.parseDouble(t.group(2)) * 1000))
                    : typingDelay(body);
            turns.add(new Transcript.Turn(author, body, delay));
        }
        if (turns.stream().noneMatch(turn -> turn.author() == Author.CUSTOMER)) {
            throw new TranscriptFormatException(TranscriptFormatException.Problem.NO_CUSTOMER_TURN, name);
        }
        return new Transcript(name, headers.getOrDefault("title", name), Optional.ofNullable(headers.get("customer")),
                headers.getOrDefault("language", "en"), headers.getOrDefault("channel", "chat"), turns);
    }

    /**
     * The headers that become columns when the transcript is played are measured here, where the line is known,
     * so an over-long one is refused with its line instead of by the database once the replay has started.
     */
    private static void checkLength(String name, int line, String header, String value) {
        int limit = switch (header) {
            case "title" -> ConversationService.MAX_TITLE_LENGTH;
            case "customer" -> Customer.MAX_ID_LENGTH;
            default -> Integer.MAX_VALUE;
        };
        if (value.length() > limit) {
            throw new TranscriptFormatException(TranscriptFormatException.Problem.HEADER_TOO_LONG, name, String.valueOf(line),
                    header, String.valueOf(value.length()), String.valueOf(limit));
        }
    }

    private static String abbreviate(String line) {
        return line.length() > 60 ? line.substring(0, 57) + "..." : line;
    }
}
