package app.tandem.assist;

import java.util.List;
import java.util.Optional;

/** Where macros are kept. */
public interface MacroRepository {

    List<Macro> all();

    Optional<Macro> find(long id);

    /** Inserts (id 0) or updates a macro; returns it with its id. */
    Macro save(Macro macro);

    void delete(long id);

    long count();
}
