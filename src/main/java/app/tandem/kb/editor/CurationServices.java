package app.tandem.kb.editor;

import app.tandem.kb.curation.Curation;
import app.tandem.kb.gaps.DuplicateFinder;
import app.tandem.kb.gaps.GapFinder;
import app.tandem.kb.transfer.KbTransfer;

/**
 * What the knowledge-base editor needs beyond the knowledge base itself, built by the composition root.
 * It sits above curation, transfer and gaps: transfer writes curation's history, so a bundle inside
 * curation that held transfer made the two packages a cycle.
 */
public record CurationServices(Curation curation, KbTransfer transfer, GapFinder gaps, DuplicateFinder duplicates) {}
