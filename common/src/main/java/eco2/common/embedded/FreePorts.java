package eco2.common.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Picks a loopback port that is free right now, for embedded servers that must be told their port before they start. */
public final class FreePorts {

    // The machine's real PostgreSQL, Redis and RabbitMQ live here; an embedded stand-in must never take their place.
    private static final int[] RESERVED = {5432, 6379, 5672};

    private FreePorts() {}

    /** A port the OS just handed out on 127.0.0.1; someone else could grab it before the caller binds, which is rare enough. */
    public static int pick() {
        for (int attempt = 0; attempt < 20; attempt++) {
            int port = ephemeralPort();
            if (!isReserved(port)) {
                return port;
            }
        }
        throw new IllegalStateException("no free loopback port found");
    }

    private static int ephemeralPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a loopback socket", e);
        }
    }

    private static boolean isReserved(int port) {
        for (int reserved : RESERVED) {
            if (port == reserved) {
                return true;
            }
        }
        return false;
    }
}
