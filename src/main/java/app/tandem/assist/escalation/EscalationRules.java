package app.tandem.assist.escalation;

import app.tandem.assist.Suggestion;
import app.tandem.assist.Suggestions;
import app.tandem.nlp.sentiment.Sentiment;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When a conversation needs a supervisor. Pure functions of what was understood; {@link EscalationService}
 * stores what they trigger.
 * <ul>
 *   <li>the customer asks for a human, a manager or a supervisor (人工, 经理, 主管) → ASKED_FOR_HUMAN;</li>
 *   <li>the customer says complaint / complain (投诉) → COMPLAINT;</li>
 *   <li>this customer turn and the one before are both negative or angry → REPEATED_NEGATIVE;</li>
 *   <li>an urgent intent (lost or stolen card, fraud, compromised account), or an urgent sentiment
 *       backed by a cue with confidence ≥ {@value #URGENT_CONFIDENCE} → URGENT_INTENT;</li>
 *   <li>the last two customer turns got no suggestion with confidence ≥ {@value #CONFIDENT} → NO_CONFIDENT_SUGGESTION.</li>
 * </ul>
 */
public final class EscalationRules {

    /** A suggestion at least this confident counts as one the agent can use. */
    public static final double CONFIDENT = 0.5;

    /** An urgent sentiment escalates on its own only this sure (a lone "now" is not enough). */
    static final double URGENT_CONFIDENCE = 0.6;

    /** What a rule found, before it is stored. */
    public record Trigger(EscalationReason reason, EscalationDetail detail) {}

    private static final Pattern HUMAN = Pattern.compile("(?i)\\b(?:speak|talk|chat|put me through|transfer me|connect me) (?:to|with) "
            + "(?:a |an |the |your |someone |somebody )?(?:real |actual |live )?(?:human|person|manager|supervisor|someone senior|somebody senior|team leader|agent)\\b"
            + "|\\b(?:get|want|need|give) (?:me )?(?:a |an |the |your )?(?:manager|supervisor|real person|human being|human)\\b"
            + "|\\bare you (?:a )?(?:bot|robot|human)\\b|^\\W*(?:manager|supervisor|human|real person)\\b"
            + "|转人工|人工客服|人工服务|找人工|要人工|真人|经理|主管|领导");
    private static final Pattern COMPLAINT = Pattern.compile("(?i)\\bcomplain(?:t|ts|ing)?\\b|投诉");

    public List<Trigger> forTurn(String text, TurnAnnotation turn, Optional<TurnAnnotation> previousCustomerTurn) {
        List<Trigger> out = new ArrayList<>();
        Matcher human = HUMAN.matcher(text);
        if (human.find()) {
            out.add(new Trigger(EscalationReason.ASKED_FOR_HUMAN, EscalationDetail.of(EscalationDetail.Kind.ASKED, human.group())));
        }
        Matcher complaint = COMPLAINT.matcher(text);
        if (complaint.find()) {
            out.add(new Trigger(EscalationReason.COMPLAINT, EscalationDetail.of(EscalationDetail.Kind.SAID, complaint.group())));
        }
        Sentiment now = turn.sentiment().sentiment();
        if (now.negative() && previousCustomerTurn.map(p -> p.sentiment().sentiment().negative()).orElse(false)) {
            out.add(new Trigger(EscalationReason.REPEATED_NEGATIVE, EscalationDetail.of(EscalationDetail.Kind.NEGATIVE_TURNS,
                    previousCustomerTurn.get().sentiment().sentiment().name(), now.name())));
        }
        Optional<DetectedIntent> urgentIntent = turn.intent().filter(DetectedIntent::urgent);
        if (urgentIntent.isPresent()) {
            DetectedIntent i = urgentIntent.get();
            out.add(new Trigger(EscalationReason.URGENT_INTENT, EscalationDetail.of(EscalationDetail.Kind.URGENT_INTENT, i.intent(),
                    i.origin().name(), i.detail(), Long.toString(Math.round(100 * i.confidence())))));
        } else if (now == Sentiment.URGENT && !turn.sentiment().cues().isEmpty() && turn.sentiment().confidence() >= URGENT_CONFIDENCE) {
            out.add(new Trigger(EscalationReason.URGENT_INTENT, EscalationDetail.of(EscalationDetail.Kind.URGENT_CUES,
                    String.join(", ", turn.sentiment().cues()))));
        }
        return out;
    }

    public static boolean confident(Suggestions suggestions) {
        return suggestions.replies().stream().mapToDouble(Suggestion::confidence).anyMatch(c -> c >= CONFIDENT);
    }
}
