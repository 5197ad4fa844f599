package app.tandem.app.cli;

import app.tandem.app.DataFolder;
import app.tandem.app.DeskStarter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** {@code tandem [command]}: no command opens the desk. */
@Command(name = "tandem", mixinStandardHelpOptions = true, version = "Tandem 0.1.0",
        description = "Offline agent-assist desk for customer service. Without a command, opens the desk window.",
        subcommands = {DoctorCommand.class, EvalCommand.class, BenchCommand.class, KbCommand.class})
public final class TandemCommand implements Callable<Integer> {

    @Option(names = "--data-dir", scope = ScopeType.INHERIT, paramLabel = "FOLDER",
            description = "Data folder (default: $TANDEM_HOME, else ~/.tandem).")
    Path dataDir;

    public Path dataFolder() {
        return DataFolder.resolve(Optional.ofNullable(dataDir), System.getenv());
    }

    @Override
    public Integer call() {
        DeskStarter.open(dataFolder());
        return 0;
    }
}
