package app.tandem.app;

/** The writes a seat (or the channel) makes in {@code bench office}, as a desk makes them. */
public enum OfficeOperation {
    /** The channel opens a conversation that waits in the office queue. */
    OPEN,
    /** An agent takes the next waiting conversation (a claim; a lost race tries the next one). */
    CLAIM,
    /** The customer's message is stored. */
    CUSTOMER_TURN,
    /** The suggestions the desk showed for it are logged. */
    SUGGESTIONS,
    /** The agent's reply is stored (it locks the conversation's row and checks who holds it). */
    AGENT_REPLY,
    /** The agent closes the conversation. */
    CLOSE
}
