package app.tandem.app;

import app.tandem.app.cli.TandemCommand;
import picocli.CommandLine;

/**
 * {@code main}: a plain class rather than a JavaFX Application, so Tandem starts from the class
 * path ({@code java -jar}) without "JavaFX runtime components are missing".
 */
public final class Launcher {

    private Launcher() {}

    public static void main(String[] args) {
        System.setProperty("ai.djl.offline", "true");
        int code = new CommandLine(new TandemCommand()).setExecutionExceptionHandler(TandemCommand::printError).execute(args);
        if (code != 0 || args.length > 0) {
            System.exit(code);
        }
    }
}
