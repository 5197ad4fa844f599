package app.tandem.eval.fuzz;

import app.tandem.kb.ArticleHit;
import app.tandem.kb.KnowledgeBase;
import app.tandem.kb.SearchFilter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/** A knowledge-base search with the case's text as the query, as the desk searches with a customer's turn. */
final class SearchTarget extends DeskTarget {

    private final CaseMaker cases = new CaseMaker(name(), List.of(
            new Probe("320 different Chinese characters", () -> FuzzInput.fields("query", Probes.CJK_320)),
            new Probe("20,000 nested >", () -> FuzzInput.fields("query", Probes.NESTED_QUOTES)),
            new Probe("100,000 characters of one word", () -> FuzzInput.fields("query", "card ".repeat(20_000))),
            new Probe("Lucene syntax", () -> FuzzInput.fields("query", "title:(card AND \"pin\"~2)^3 OR fee* -[a TO z] \\ / ! {")),
            new Probe("empty", () -> FuzzInput.fields("query", ""))),
            SearchTarget::grammar, SearchTarget::mutation);

    SearchTarget(ScratchDesk desks) {
        super(desks);
    }

    @Override
    public String name() {
        return "kb-search";
    }

    @Override
    public boolean refuses() {
        return false;
    }

    @Override
    public FuzzCase generate(int number, Random random) {
        return cases.make(number, random);
    }

    private static FuzzInput grammar(Random r) {
        String query = switch (r.nextInt(8)) {
            case 0 -> Noise.cjk(r, Noise.size(r, 40));
            case 1 -> Noise.pick(r, List.of("*", "?", "\"", "(", "AND", "OR NOT", "a:b", "~", "^", "[", "{}", "\\", "/", "&&"))
                    + Noise.sentence(r, 3);
            default -> Noise.sentence(r, Noise.size(r, 12));
        };
        return FuzzInput.fields("query", query);
    }

    private static CaseMaker.Mutation mutation(Random r) {
        CaseMaker.Mutation m = CaseMaker.mutated(Seeds.articles(), r, "query");
        byte[] bytes = m.input().first().bytes();
        int from = r.nextInt(Math.max(1, bytes.length));
        String text = new String(bytes, from, Math.min(bytes.length - from, 1 + r.nextInt(3_000)), StandardCharsets.UTF_8);
        return new CaseMaker.Mutation(m.operation(), FuzzInput.fields("query", text));
    }

    @Override
    public Outcome run(FuzzInput input) {
        KnowledgeBase kb = desk().desk().knowledgeBase();
        String query = input.field("query").orElse("");
        List<ArticleHit> published = kb.search(query, SearchFilter.publishedOnly(), 5);
        List<ArticleHit> everything = kb.search(query, SearchFilter.everything(), 5);
        return Outcome.accepted(published.size() + " published, " + everything.size() + " in all");
    }
}
