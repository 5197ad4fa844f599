package app.tandem.security;

import app.tandem.nlp.entities.Entity;
import app.tandem.nlp.entities.EntityType;
import app.tandem.privacy.Redactor;
import java.util.Comparator;
import java.util.List;

/**
 * What personal data a role sees on screen. The decision (README, "Personal data on the desk"):
 * <ul>
 *   <li>card numbers: everyone sees the last four digits only ({@code •••• 6467}) — nobody at the desk
 *       needs the full number, and a screen is easy to photograph;</li>
 *   <li>resident IDs, IBANs, account numbers: masked for agents, shown to supervisors and admins, who
 *       handle disputes and fraud cases;</li>
 *   <li>names, phone numbers, e-mail addresses, sort codes, amounts, dates, references: shown — the agent
 *       needs them to serve the customer.</li>
 * </ul>
 * Text that leaves the conversation (logs, learned questions, training sets) is masked for everyone by
 * {@link Redactor}, whatever the role.
 */
public final class PiiPolicy {

    private final Role role;

    private PiiPolicy(Role role) {
        this.role = role;
    }

    public static PiiPolicy forRole(Role role) {
        return new PiiPolicy(role);
    }

    public boolean reveals(EntityType type) {
        return switch (type) {
            case CARD_NUMBER -> false;
            case RESIDENT_ID, IBAN, ACCOUNT_NUMBER -> role.atLeast(Role.SUPERVISOR);
            default -> true;
        };
    }

    /** How this role sees one entity: its text, or its masked form. */
    public String display(Entity entity) {
        if (reveals(entity.type())) {
            return entity.text();
        }
        return switch (entity.type()) {
            case CARD_NUMBER, ACCOUNT_NUMBER, IBAN -> Redactor.lastFour(entity.value());
            default -> entity.type().mask();
        };
    }

    /** The turn as this role sees it: entities it may not see replaced by their display form. */
    public String display(String text, List<Entity> entities) {
        StringBuilder sb = new StringBuilder(text);
        entities.stream()
                .filter(e -> !reveals(e.type()) && e.end() <= text.length())
                .sorted(Comparator.comparingInt(Entity::start).reversed())
                .forEach(e -> sb.replace(e.start(), e.end(), display(e)));
        return sb.toString();
    }
}
