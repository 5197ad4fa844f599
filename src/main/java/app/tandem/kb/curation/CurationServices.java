package app.tandem.kb.curation;

import app.tandem.kb.gaps.DuplicateFinder;
import app.tandem.kb.gaps.GapFinder;
import app.tandem.kb.transfer.KbTransfer;

/** What the knowledge-base editor needs beyond the knowledge base itself, built by the composition root. */
public record CurationServices(Curation curation, KbTransfer transfer, GapFinder gaps, DuplicateFinder duplicates) {}
