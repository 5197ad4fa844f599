package app.tandem.app.cli;

import app.tandem.app.InstanceLock;
import app.tandem.store.OfficeServer;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
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

    @ParentCommand
    TandemCommand parent;

    @Option(names = "--port", defaultValue = "" + OfficeServer.DEFAULT_PORT,
            description = "TCP port the seats connect to (default ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--new-key", description = "Replace the office key (the old one stops working at once) and print the new one.")
    boolean newKey;

    @Override
    public Integer call() throws InterruptedException {
        PrintStream out = System.out;
        InstanceLock lock = InstanceLock.acquire(parent.dataFolder());
        OfficeServer server;
        try {
            server = OfficeServer.start(parent.dataFolder(), port, newKey);
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
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
