package app.tandem.app;

import app.tandem.store.Database;

/** A database server that {@code bench office} puts simulated seats on: H2's office server or a PostgreSQL. */
public interface OfficeEngine {

    /** The engine's name in the bench's tables. */
    String name();

    /** The office database for one run; its seats join it as real seats do. */
    Served serve();

    /** An office database being served. Closing it stops and removes what {@link #serve} started, where it started one. */
    interface Served extends AutoCloseable {

        /** A new seat's own connection pool on the office database. */
        Database join();

        @Override
        void close();
    }
}
