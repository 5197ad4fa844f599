package app.tandem.conversation;


/**
 * A seat following the office's conversation feed (issue 17): what other seats did to conversations (a customer's
 * turn, a claim, a transfer with its note, a close) is told to this seat's listeners, as if it had happened here.
 * It starts at the feed's end when the seat starts, because the desk loads the queue as it is then.
 */
public final class ConversationFeed {

    private final FeedReader feed;
    private final ConversationService service;
    private final String seat;

    /** {@code seat}: the name this process writes its own rows under (its listeners were told of those already). */
    public ConversationFeed(ConversationRepository conversations, ConversationService service, String seat) {
        this(new FeedReader(conversations), service, seat);
    }

    ConversationFeed(FeedReader feed, ConversationService service, String seat) {
        this.feed = feed;
        this.service = service;
        this.seat = seat;
    }

    /**
     * Tells this seat's listeners what other seats did since the last follow; called every half second or so. One
     * query when nothing changed. Returns how many rows were replayed.
     */
    public int follow() {
        int[] replayed = {0};
        feed.readNew(event -> {
            if (!event.seat().equals(seat)) {
                service.replay(event);
                replayed[0]++;
            }
        });
        return replayed[0];
    }
}
