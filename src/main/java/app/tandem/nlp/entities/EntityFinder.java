package app.tandem.nlp.entities;

import java.time.LocalDate;
import java.util.List;

/** Finds one family of entities in a turn; {@code today} anchors relative dates ("yesterday", 昨天). */
interface EntityFinder {
    List<Entity> find(String text, LocalDate today);
}
