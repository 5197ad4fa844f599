package app.tandem.app.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code tandem kb <what>}: the knowledge base from the command line. */
@Command(name = "kb", mixinStandardHelpOptions = true, description = "Export and import the knowledge base.",
        subcommands = {KbExportCommand.class, KbImportCommand.class})
public final class KbCommand {

    @ParentCommand
    TandemCommand parent;

    /** Who the audit log names for work done from the command line. */
    static String actor(String given) {
        return given != null && !given.isBlank() ? given : "cli:" + System.getProperty("user.name", "unknown");
    }
}
