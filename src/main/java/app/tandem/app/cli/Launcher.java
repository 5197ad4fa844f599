package app.tandem.app.cli;

import picocli.CommandLine;

/**
 * {@code main}: a plain class rather than a JavaFX Application, so Tandem starts from the class
 * path ({@code java -jar}) without "JavaFX runtime components are missing".
 *
 * <p>It lives here, beside the commands, rather than in {@code app}: starting Tandem is parsing its
 * command line first, and {@code app} (the composition root: services, the desk, doctor) must not know
 * the command line that uses it. So the dependency points one way, {@code app.cli} to {@code app}.
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
