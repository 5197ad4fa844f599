package app.tandem.ui.common;

import atlantafx.base.theme.Styles;

/**
 * Style classes, named once: ours from {@code desk.css}, and the AtlantaFX theme's own. AtlantaFX
 * 2.1.0's classes are compiled for Java 21, so on Java 17 we use only its stylesheets (plain
 * resources) and name its style classes here.
 */
public final class Css {

    public static final String STYLESHEET = "/app/tandem/ui/desk.css";

    public static final String PANE_TITLE = "pane-title";
    public static final String QUEUE_CELL = "queue-cell";
    public static final String QUEUE_TITLE = "queue-title";
    /** A section heading of the desk's queue (Mine, Waiting, handed to the supervisors). */
    public static final String QUEUE_GROUP = "queue-group";
    /** The conversation's moves (claims, transfers, handoffs) above its turns, and the line that says why the box is locked. */
    public static final String MOVE_LINE = "move-line";
    public static final String UNREAD = "unread";
    public static final String UNREAD_DOT = "unread-dot";
    public static final String WAITING = "waiting";
    public static final String WAITING_LONG = "waiting-long";
    public static final String CONVERSATION_LIST = "conversation-list";
    public static final String TURN = "turn";
    public static final String BUBBLE = "bubble";
    public static final String TURN_META = "turn-meta";
    public static final String COMPOSE_ERROR = "compose-error";
    public static final String CARD = "desk-card";
    public static final String SUGGESTION_RANK = "suggestion-rank";
    public static final String SUGGESTION_WHY = "suggestion-why";
    public static final String CONFIDENCE = "confidence";
    public static final String SNIPPET = "snippet";
    public static final String SNIPPET_MATCH = "snippet-match";
    public static final String EMPTY_STATE = "empty-state";
    public static final String STATUS_BAR = "status-bar";
    public static final String PROFILE = "profile";
    public static final String PROFILE_NAME = "profile-name";
    public static final String SECTION_LABEL = "section-label";
    public static final String HISTORY_ITEM = "history-item";
    public static final String MARKDOWN = "markdown";
    public static final String MD_HEADING = "md-heading";
    public static final String MD_CODE = "md-code";
    public static final String MD_TEXT = "md-text";
    public static final String MD_STRONG = "md-strong";
    public static final String MD_EMPHASIS = "md-emphasis";
    public static final String MD_LINK = "md-link";
    public static final String SIGN_IN = "sign-in";
    public static final String FORM_ERROR = "form-error";
    public static final String STARTUP = "startup";
    public static final String DIFF_ADDED = "diff-added";
    public static final String DIFF_REMOVED = "diff-removed";
    public static final String DIFF_LINE = "diff-line";
    public static final String DRAFT_BANNER = "draft-banner";
    public static final String USAGE = "usage";
    public static final String CHIP = "turn-chip";
    public static final String CHIP_SENTIMENT = "chip-sentiment";
    public static final String CHIP_INTENT = "chip-intent";
    public static final String CHIP_ENTITY = "chip-entity";
    public static final String ESCALATION_BANNER = "escalation-banner";
    public static final String MACRO_PREVIEW = "macro-preview";
    public static final String MACRO_GAP = "macro-gap";

    // AtlantaFX's own style classes, under the names the views use.
    public static final String TITLE_3 = Styles.TITLE_3;
    public static final String TITLE_4 = Styles.TITLE_4;
    public static final String TEXT_MUTED = Styles.TEXT_MUTED;
    public static final String TEXT_SMALL = Styles.TEXT_SMALL;
    public static final String TEXT_BOLD = Styles.TEXT_BOLD;
    public static final String BG_SUBTLE = Styles.BG_SUBTLE;
    public static final String ACCENT = Styles.ACCENT;
    public static final String SUCCESS = Styles.SUCCESS;
    public static final String DANGER = Styles.DANGER;
    public static final String FLAT = Styles.FLAT;
    public static final String SMALL = Styles.SMALL;
    public static final String BUTTON_OUTLINED = Styles.BUTTON_OUTLINED;
    public static final String DENSE = Styles.DENSE;
    public static final String STRIPED = Styles.STRIPED;

    private Css() {}
}
