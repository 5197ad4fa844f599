package app.tandem.assist;

import java.util.List;

/** Where the Smart Reply allowlist is kept, and the sent replies it is built from. */
public interface AllowlistRepository {

    /** An agent's reply and the customer text it answered (the customer turns just before it). */
    record SentReply(String reply, String question) {}

    /** Agent replies (typed or from suggestions) with the customer text each answered, oldest first. */
    List<SentReply> sentReplies(int limit);

    List<AllowlistEntry> all();

    /** Replaces the unreviewed entries with these; reviewed ones keep their decision (matched by text). */
    void replaceUnreviewed(List<AllowlistEntry> entries);

    void setStatus(long id, AllowlistEntry.Status status, String supervisor);

    void delete(long id);
}
