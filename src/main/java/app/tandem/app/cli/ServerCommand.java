package app.tandem.app.cli;

import app.tandem.app.Backups;
import app.tandem.app.FirstStart;
import app.tandem.app.InstanceLock;
import app.tandem.app.OfficeWebChat;
import app.tandem.backup.BackupSchedule;
import app.tandem.backup.OfficeBackups;
import app.tandem.backup.ScheduledBackups;
import app.tandem.store.OfficeServer;
import app.tandem.web.CustomerChat;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code tandem server}: this PC keeps the office database and serves it to the seats over the LAN
 * (issue 17). It runs until stopped (Ctrl+C, or the service manager's SIGTERM); the database closes cleanly.
 */
@Command(name = "server", mixinStandardHelpOptions = true,
        description = {"Serve this data folder's database to the office's seats over the LAN, until stopped.",
                "The first start makes the office key and prints it once; seats need it to join."})
public final class ServerCommand implements Callable<Integer> {

    private static final Logger log = LoggerFactory.getLogger(ServerCommand.class);

    @ParentCommand
    TandemCommand parent;

    @Option(names = "--port", defaultValue = "" + OfficeServer.DEFAULT_PORT,
            description = "TCP port the seats connect to (default ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--new-key", description = "Replace the office key (the old one stops working at once) and print the new one.")
    boolean newKey;

    @Option(names = "--backup-folder", paramLabel = "FOLDER",
            description = "Back the office's data up into this folder while the seats work (kept in this data folder's settings).")
    Path backupFolder;

    @Option(names = "--backup-every-hours", defaultValue = "24", description = "With --backup-folder: hours between backups (default ${DEFAULT-VALUE}).")
    int everyHours;

    @Option(names = "--backup-keep", defaultValue = "7", description = "With --backup-folder: how many backups to keep (default ${DEFAULT-VALUE}).")
    int keep;

    @Option(names = "--web-port", paramLabel = "PORT",
            description = "Also serve the customer web chat page on this port (off when not given).")
    Integer webPort;

    @Option(names = "--web-bind", paramLabel = "ADDRESS", defaultValue = "0.0.0.0",
            description = "With --web-port: the address to listen on (default ${DEFAULT-VALUE}: the whole LAN; 127.0.0.1: this PC only).")
    String webBind;

    @Override
    public Integer call() throws InterruptedException {
        PrintStream out = System.out;
        InstanceLock lock = InstanceLock.acquire(parent.dataFolder());
        OfficeServer server;
        try {
            server = OfficeServer.start(parent.dataFolder(), port, newKey);
            FirstStart.seedOffice(server.database(), Clock.systemDefaultZone());
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
        Optional<CustomerChat> chat;
        try {
            chat = Optional.ofNullable(webPort).map(p -> OfficeWebChat.serve(server.database(), webBind, p));
        } catch (RuntimeException e) {
            server.close();
            lock.close();
            throw e;
        }
        OfficeBackups backups = Backups.ofOfficeServer(server, parent.dataFolder());
        if (backupFolder != null) {
            backups.changeSchedule(new BackupSchedule(Optional.of(backupFolder.toAbsolutePath()), everyHours, keep));
        }
        ScheduledBackups scheduled = new ScheduledBackups(backups, Clock.systemUTC());
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "tandem-office-backups");
            t.setDaemon(true);
            return t;
        });
        // As a desk does: looked at every 10 minutes, taken when due; a failure (a drive unplugged) is logged and retried.
        timer.scheduleWithFixedDelay(() -> {
            try {
                scheduled.runIfDue().ifPresent(file -> out.printf("Backup written and checked: %s%n", file));
            } catch (RuntimeException e) {
                log.warn("The scheduled backup failed: {}", e.getMessage());
            }
        }, 1, 10, TimeUnit.MINUTES);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            timer.shutdown();
            chat.ifPresent(CustomerChat::close);
            server.close();
            lock.close();
            stopped.countDown();
        }, "tandem-office-server-stop"));
        out.printf("Tandem office database: %s%n", server.database().file());
        out.printf("Serving on port %d to the office network. Seats join with:%n", server.port());
        for (String host : addresses()) {
            out.printf("  tandem --server %s:%d%n", host, server.port());
        }
        server.newKey().ifPresentOrElse(
                key -> out.printf("Office key (shown this once; type it on each seat, keep it safe): %s%n", key),
                () -> out.println("Seats use the office key made at the first start (tandem server --new-key replaces it)."));
        BackupSchedule schedule = backups.schedule();
        out.println(schedule.on()
                ? String.format("Backups: every %d hours into %s, keeping the newest %d.", schedule.everyHours(),
                        schedule.folder().orElseThrow(), schedule.keep())
                : "Backups: none scheduled (tandem server --backup-folder FOLDER).");
        chat.ifPresentOrElse(c -> {
            out.println("Customers chat with the desks at:");
            for (String host : webBind.equals("0.0.0.0") ? addresses() : List.of(webBind)) {
                out.printf("  http://%s:%d/%n", host, c.port());
            }
        }, () -> out.println("Customer web chat: off (tandem server --web-port PORT)."));
        out.println("Stop with Ctrl+C.");
        out.flush();
        stopped.await();
        return 0;
    }

    /** This PC's name and its LAN addresses, the ways a seat may know it. */
    private static List<String> addresses() {
        List<String> hosts = new ArrayList<>();
        try {
            hosts.add(InetAddress.getLocalHost().getHostName());
        } catch (UnknownHostException e) {
            // No name: the addresses below still work.
        }
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (nic.isUp() && !nic.isLoopback()) {
                    nic.getInterfaceAddresses().forEach(a -> {
                        if (a.getAddress().isSiteLocalAddress()) {
                            hosts.add(a.getAddress().getHostAddress());
                        }
                    });
                }
            }
        } catch (SocketException e) {
            // Interfaces unreadable: the name above is enough.
        }
        return hosts.isEmpty() ? List.of("localhost") : hosts;
    }
}
