package app.tandem.nlp.intent;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Intent examples in memory, for tests that need no database. */
public final class InMemoryIntentExamples implements IntentExampleRepository {

    private final List<StoredExample> rows = new ArrayList<>();

    @Override
    public synchronized boolean add(String text, String intent, String source, Instant at) {
        if (rows.stream().anyMatch(r -> r.text().equals(text) && r.intent().equals(intent))) {
            return false;
        }
        rows.add(new StoredExample(rows.stream().mapToLong(StoredExample::id).max().orElse(0) + 1, text, intent, source, at));
        return true;
    }

    @Override
    public synchronized List<StoredExample> all() {
        return List.copyOf(rows);
    }

    @Override
    public synchronized int count() {
        return rows.size();
    }

    @Override
    public synchronized boolean remove(long id) {
        return rows.removeIf(r -> r.id() == id);
    }
}
