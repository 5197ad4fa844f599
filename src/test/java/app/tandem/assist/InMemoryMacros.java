package app.tandem.assist;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Macros kept in a list, for library tests that need no database. Ids count from 1 in the order saved. */
final class InMemoryMacros implements MacroRepository {

    private final List<Macro> macros = new ArrayList<>();

    @Override
    public List<Macro> all() {
        return List.copyOf(macros);
    }

    @Override
    public Optional<Macro> find(long id) {
        return macros.stream().filter(m -> m.id() == id).findFirst();
    }

    @Override
    public Macro save(Macro macro) {
        if (macro.id() != 0) {
            macros.replaceAll(m -> m.id() == macro.id() ? macro : m);
            return macro;
        }
        Macro stored = macro.withId(macros.size() + 1);
        macros.add(stored);
        return stored;
    }

    @Override
    public void delete(long id) {
        macros.removeIf(m -> m.id() == id);
    }

    @Override
    public long count() {
        return macros.size();
    }
}
