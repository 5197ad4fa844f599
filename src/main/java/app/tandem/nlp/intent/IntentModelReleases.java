package app.tandem.nlp.intent;

import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** Where an office keeps the intent model every seat uses: each release is one version's folder, zipped. */
public interface IntentModelReleases {

    /** @param version the releasing seat's name for it, shown to supervisors */
    record Release(long seq, String version, Map<String, String> report, long sizeBytes, Instant releasedAt, String releasedBy) {}

    /** The newest release: the office's model. */
    Optional<Release> current();

    /** Stores {@code zip} as the office's model, in one transaction; returns its number. */
    long release(String version, Map<String, String> report, InputStream zip, String by, Instant at);

    /** Writes release {@code seq}'s zip to {@code out}. */
    void read(long seq, OutputStream out);
}
