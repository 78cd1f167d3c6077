package dev.slugline.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/**
 * Ports for the servers a test starts (a PostgreSQL, instances of the jar): free now, chosen by the system, so
 * that builds of other checkouts running on the same machine at the same time do not collide on fixed numbers.
 */
public final class FreePorts {

    private FreePorts() {
    }

    /** {@code count} different free ports: all are held open until all are chosen, so none is chosen twice. */
    public static int[] pick(int count) {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                sockets.add(new ServerSocket(0, 1, InetAddress.getLoopbackAddress()));
            }
            return sockets.stream().mapToInt(ServerSocket::getLocalPort).toArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            for (ServerSocket socket : sockets) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // it was only holding the number
                }
            }
        }
    }

    public static int pick() {
        return pick(1)[0];
    }
}
