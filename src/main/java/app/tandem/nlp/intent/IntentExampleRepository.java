package app.tandem.nlp.intent;

import java.time.Instant;
import java.util.List;

/** Where intent training examples are kept (the store implements it over H2). */
public interface IntentExampleRepository {

    /** A stored example; {@code source} says where it came from ("import:banking77.csv", "conversation:42"). */
    record StoredExample(long id, String text, String intent, String source, Instant createdAt) {}

    /** Stores the example unless the same (text, intent) is already there; true when it was added. */
    boolean add(String text, String intent, String source, Instant at);

    List<StoredExample> all();

    int count();

    /** Removes one example (a supervisor's correction); true when it existed. */
    boolean remove(long id);
}
