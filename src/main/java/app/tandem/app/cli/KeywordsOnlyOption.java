package app.tandem.app.cli;

import picocli.CommandLine.Option;

/** {@code --keywords-only}: measure the search without the sentence encoders, as when they fail to load. */
final class KeywordsOnlyOption {

    @Option(names = "--keywords-only", description = "Skip the language models (BM25 only)")
    private boolean keywordsOnly;

    boolean keywordsOnly() {
        return keywordsOnly;
    }
}
