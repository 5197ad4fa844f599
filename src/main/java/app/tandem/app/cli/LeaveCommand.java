package app.tandem.app.cli;

import app.tandem.app.InstanceLock;
import app.tandem.app.Seat;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code tandem leave}: this PC stops being a seat of the office and works solo on its data folder's database. */
@Command(name = "leave", mixinStandardHelpOptions = true,
        description = "Stop being a seat of the office: the desk works solo again on this data folder's own database.")
public final class LeaveCommand implements Callable<Integer> {

    @ParentCommand
    TandemCommand parent;

    @Override
    public Integer call() {
        boolean wasSeat;
        try (InstanceLock lock = InstanceLock.acquire(parent.dataFolder())) {
            wasSeat = Seat.leave(parent.dataFolder());
        }
        System.out.println(wasSeat ? "This PC works solo again; the office's data stays on the office server."
                : "This PC was not a seat of an office; nothing changed.");
        return 0;
    }
}
