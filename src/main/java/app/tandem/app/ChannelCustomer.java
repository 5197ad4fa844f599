package app.tandem.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * One simulated customer's POSTs to the web chat, each from its own loopback address (127.0.x.y). The chat limits
 * turns per network address as well as per session; 200 real customers come from 200 addresses, so 200 simulated
 * ones must too. {@code java.net.http} cannot choose its local address on Java 17, hence a plain socket: one
 * request per connection, which on loopback costs a fraction of a millisecond.
 */
final class ChannelCustomer {

    record Answer(int status, Optional<String> cookie, String body) {}

    private final InetAddress from;
    private final int port;
    private volatile String cookie = "";

    ChannelCustomer(int index, int port) {
        this.port = port;
        byte[] address = {127, 0, (byte) (1 + index / 250), (byte) (1 + index % 250)};
        try {
            this.from = InetAddress.getByAddress(address);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    String cookie() {
        return cookie;
    }

    Answer post(String path, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(from, 0));
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5_000);
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nContent-Type: application/json\r\n"
                    + (cookie.isEmpty() ? "" : "Cookie: " + cookie + "\r\n") + "Content-Length: " + body.length
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int headEnd = response.indexOf("\r\n\r\n");
            String head = headEnd < 0 ? response : response.substring(0, headEnd);
            int status = Integer.parseInt(head.substring(9, 12));
            Optional<String> setCookie = head.lines().filter(l -> l.toLowerCase(Locale.ROOT).startsWith("set-cookie:"))
                    .map(l -> l.substring("set-cookie:".length()).strip().split(";", 2)[0]).findFirst();
            setCookie.ifPresent(c -> cookie = c);
            return new Answer(status, setCookie, headEnd < 0 ? "" : response.substring(headEnd + 4));
        }
    }
}
