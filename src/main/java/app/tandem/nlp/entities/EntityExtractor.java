package app.tandem.nlp.entities;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Finds entities in a customer turn. Thread-safe; plain Java (HanLP for Chinese names is loaded on
 * first use, about a second). Overlaps are settled by priority, then length: a checksum-valid card
 * number wins over the amount or date its digits might also look like.
 *
 * <pre>{@code
 * List<Entity> found = extractor.extract("My card 4539 1488 0343 6467 was charged £12.50 yesterday");
 * // CARD_NUMBER 4539148803436467, AMOUNT "12.50 GBP", DATE 2026-03-02
 * }</pre>
 */
public final class EntityExtractor {

    /** Earlier finders win overlaps. */
    private final List<EntityFinder> finders = List.of(new PaymentDataFinder(), new ReferenceFinder(), new AmountFinder(),
            new DateFinder(), new PersonNameFinder());
    private final Clock clock;

    public EntityExtractor(Clock clock) {
        this.clock = clock;
    }

    /** Entities in reading order; empty for null or blank text. */
    public List<Entity> extract(String text) {
        return extract(text, LocalDate.now(clock));
    }

    public List<Entity> extract(String text, LocalDate today) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        List<Entity> kept = new ArrayList<>();
        for (EntityFinder finder : finders) {
            List<Entity> found = new ArrayList<>(finder.find(text, today));
            found.sort(Comparator.comparingInt(Entity::length).reversed());
            for (Entity e : found) {
                if (kept.stream().noneMatch(e::overlaps)) {
                    kept.add(e);
                }
            }
        }
        kept.sort(Comparator.comparingInt(Entity::start));
        return List.copyOf(kept);
    }
}
