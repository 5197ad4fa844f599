package app.tandem.assist;

import app.tandem.nlp.TextEncoder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The macros (canned responses) and how a customer's message finds them: by meaning when a sentence
 * encoder is loaded (the context vector against each trigger phrasing), else by the share of a
 * trigger's words the customer used.
 */
public final class MacroLibrary {

    private final MacroRepository macros;
    private volatile List<Macro> enabled;

    public MacroLibrary(MacroRepository macros) {
        this.macros = macros;
    }

    /** Stores the starter set when there are no macros yet; returns how many were stored. */
    public int seedIfEmpty(List<Macro> starter) {
        if (macros.count() > 0) {
            return 0;
        }
        starter.forEach(macros::save);
        enabled = null;
        return starter.size();
    }

    public List<Macro> all() {
        return macros.all();
    }

    public Macro save(Macro macro) {
        if (macro.body() == null || macro.body().isBlank()) {
            throw new IllegalArgumentException("A macro needs a text to send.");
        }
        if (macro.title() == null || macro.title().isBlank()) {
            throw new IllegalArgumentException("A macro needs a title.");
        }
        Macro saved = macros.save(macro);
        enabled = null;
        return saved;
    }

    public void delete(long id) {
        macros.delete(id);
        enabled = null;
    }

    /** Re-reads the macros at the next match: another seat of the office changed them. */
    public void forget() {
        enabled = null;
    }

    /** A macro that fits the customer's message, with its raw score and calibrated confidence. */
    record Match(Macro macro, double score, double confidence, String matched) {}

    /**
     * The macros that fit the customer's message best, {@code limit} at most. {@code agentHasReplied}: whether the
     * agent has written in the conversation yet; a macro whose {@link Macro.Moment} does not fit that stage is
     * never offered, however close its text (a greeting after the agent's first reply, a closing before it).
     */
    List<Match> match(ConversationContext context, Optional<TextEncoder> encoder, Vectors vectors, int limit,
            boolean agentHasReplied) {
        List<Match> found = new ArrayList<>();
        Set<String> words = context.vector().isPresent() ? Set.of() : Keywords.of(context.keywords());
        for (Macro macro : enabledMacros()) {
            if (!macro.language().equals(context.language()) || !macro.moment().fits(agentHasReplied)) {
                continue;
            }
            double best = 0;
            String matched = macro.title();
            List<String> phrasings = new ArrayList<>(macro.triggers());
            phrasings.add(macro.title());
            for (String phrasing : phrasings) {
                double s = context.vector().isPresent() && encoder.isPresent()
                        ? Vectors.cosine(context.vector().get(), vectors.query(encoder.get(), phrasing))
                        : Keywords.coverage(words, Keywords.of(phrasing));
                if (s > best) {
                    best = s;
                    matched = phrasing;
                }
            }
            Calibration.Curve curve = context.vector().isPresent() && encoder.isPresent()
                    ? Calibration.forEncoder(encoder.get().modelId()).macro() : Calibration.MACRO_KEYWORDS;
            found.add(new Match(macro, best, curve.apply(best), matched));
        }
        found.sort(Comparator.comparingDouble(Match::score).reversed());
        return found.subList(0, Math.min(limit, found.size()));
    }

    private List<Macro> enabledMacros() {
        List<Macro> now = enabled;
        if (now == null) {
            now = macros.all().stream().filter(Macro::enabled).toList();
            enabled = now;
        }
        return now;
    }
}
