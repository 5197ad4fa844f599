package app.tandem.eval.fuzz;

import app.tandem.kb.Article;
import app.tandem.kb.ArticleStatus;
import app.tandem.kb.KnowledgeBase;
import app.tandem.kb.curation.Curation;
import app.tandem.security.Role;
import app.tandem.security.User;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * The article editor's save: a supervisor edits an article's title, body, tags and status (or starts a new one)
 * and saves it through {@link Curation#save}, which stores a version in H2 and indexes it through
 * {@link KnowledgeBase#save} before returning.
 */
final class EditorSaveTarget extends DeskTarget {

    private static final User SUPERVISOR = new User(0, "fuzz", "Fuzz Supervisor", Role.SUPERVISOR, 0, Optional.empty());

    private final CaseMaker cases = new CaseMaker(name(), List.of(
            new Probe("body of 20,000 nested >", () -> edit("card-delivery-en", "Card delivery", Probes.NESTED_QUOTES)),
            new Probe("body of 5,000 nested list markers", () -> edit("card-delivery-en", "Card delivery", Probes.NESTED_LISTS)),
            new Probe("body of 20,000 nested *", () -> edit("card-delivery-en", "Card delivery", Probes.NESTED_EMPHASIS)),
            new Probe("title of 600 characters", () -> edit("pin-blocked-en", "t".repeat(600), "Body.")),
            new Probe("new article titled with 600 characters", () -> edit("new", "n".repeat(600), "Body."))),
            EditorSaveTarget::grammar, EditorSaveTarget::mutation);

    EditorSaveTarget(ScratchDesk desks) {
        super(desks);
    }

    @Override
    public String name() {
        return "editor-save";
    }

    @Override
    public FuzzCase generate(int number, Random random) {
        return cases.make(number, random);
    }

    private static FuzzInput edit(String article, String title, String body) {
        return FuzzInput.fields("article", article, "title", title, "body", body);
    }

    private static FuzzInput grammar(Random r) {
        List<String> fields = new ArrayList<>(List.of("article", r.nextInt(4) == 0 ? "new" : Noise.pick(r, MarkdownGrammar.IDS),
                "title", r.nextInt(20) == 0 ? "" : MarkdownGrammar.title(r), "body", r.nextInt(30) == 0 ? " " : MarkdownGrammar.body(r)));
        if (r.nextBoolean()) {
            fields.addAll(List.of("tags", String.join("\n", Noise.sentence(r, r.nextInt(30) == 0 ? 400 : 1 + r.nextInt(5)).split(" "))));
        }
        fields.addAll(List.of("status", Noise.pick(r, Arrays.stream(ArticleStatus.values()).map(Enum::name).toList())));
        return FuzzInput.fields(fields.toArray(String[]::new));
    }

    private static CaseMaker.Mutation mutation(Random r) {
        CaseMaker.Mutation m = CaseMaker.mutated(Seeds.articles(), r, "body");
        return new CaseMaker.Mutation(m.operation(), edit(Noise.pick(r, MarkdownGrammar.IDS), MarkdownGrammar.title(r),
                new String(m.input().first().bytes(), StandardCharsets.UTF_8)));
    }

    @Override
    public Outcome run(FuzzInput input) {
        FuzzDesk desk = desk().desk();
        String title = input.field("title").orElse("");
        String language = input.field("article").filter(id -> id.endsWith("-zh")).isPresent() ? "zh" : "en";
        Optional<Article> existing = input.field("article").filter(id -> !id.equals("new")).flatMap(desk.knowledgeBase()::find);
        Article current = existing.isPresent() ? existing.get()
                : desk.curation().newArticle(SUPERVISOR, title, language, Optional.empty());
        List<String> tags = input.field("tags").map(t -> List.of(t.split("\n"))).orElse(current.tags());
        ArticleStatus status = input.field("status").map(ArticleStatus::valueOf).orElse(current.status());
        Article saved = desk.curation().save(SUPERVISOR, current.withContent(title, input.field("body").orElse(""), tags, status),
                current.version());
        return Outcome.accepted(saved.id() + " version " + saved.version());
    }
}
