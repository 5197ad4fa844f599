package app.tandem.ui.desk;

import app.tandem.assist.Provenance;
import app.tandem.assist.Suggestion;
import app.tandem.ui.common.Texts;
import java.util.Locale;

/** A suggestion as the agent reads and inserts it, and where it came from, in the desk's language. */
public final class SuggestionWording {

    private final Texts texts;

    public SuggestionWording(Texts texts) {
        this.texts = texts;
    }

    /** A suggestion's text as the agent sees and inserts it: a macro's gaps are named in the desk's language. */
    public String text(Suggestion s) {
        return texts.localGaps(s.text());
    }

    /** Where the suggestion came from (the card's provenance line and tooltip). */
    public String provenance(Suggestion s) {
        Provenance p = s.provenance();
        return switch (p.kind()) {
            case ARTICLE -> p.phrase().isPresent()
                    ? texts.format("why.article.asked", p.title(), String.valueOf(p.version().orElse(0)), p.phrase().get())
                    : p.words().isEmpty() ? texts.format("why.article", p.title(), String.valueOf(p.version().orElse(0)))
                    : texts.format("why.article.words", p.title(), String.valueOf(p.version().orElse(0)), String.join(", ", p.words()));
            case MACRO -> p.words().isEmpty() ? texts.format("why.macro", p.title(), p.phrase().orElse(""))
                    : texts.format("why.macro.gaps", p.title(), p.phrase().orElse(""),
                            String.join(", ", p.words().stream().map(texts::localGaps).toList()));
            case PAST_REPLY -> texts.format("why.history", p.timesSent(), String.format(Locale.ROOT, "%.2f", p.similarity()));
            case TEXT -> p.text();
        };
    }
}
