package app.tandem.eval;

import app.tandem.assist.AssistService;
import app.tandem.assist.ReplyService;
import app.tandem.assist.SmartReplies;
import app.tandem.conversation.ConversationService;
import app.tandem.nlp.TextEncoder;

/**
 * The desk services a replay drives, as the desk uses them: conversations take the turns, the assist
 * service suggests (and logs what it shows), the reply service sends and records the agent's choice,
 * Smart Reply builds its allowlist from the stored history. {@code encoder} compares a suggestion's
 * text with the reply really sent (the text criterion).
 */
public record ReplayDesk(ConversationService conversations, AssistService assist, ReplyService replies,
                         SmartReplies smartReplies, TextEncoder encoder) {}
