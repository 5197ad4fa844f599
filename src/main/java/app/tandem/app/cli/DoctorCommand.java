package app.tandem.app.cli;

import app.tandem.app.Doctor;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code tandem doctor}: what Tandem runs on and the state of its data folder. */
@Command(name = "doctor", mixinStandardHelpOptions = true,
        description = "Print versions, data folder, database and index state, and the inference device.")
public final class DoctorCommand implements Callable<Integer> {

    @ParentCommand
    TandemCommand parent;

    @Override
    public Integer call() {
        return Doctor.report(parent.dataFolder(), System.out) ? 0 : 1;
    }
}
