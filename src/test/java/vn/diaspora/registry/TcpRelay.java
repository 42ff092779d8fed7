package vn.diaspora.registry;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A TCP relay to a real server that a test can cut and restore, as a network would. */
final class TcpRelay {
    private final int port;
    private final String targetHost;
    private final int targetPort;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private volatile ServerSocket server;
    /** How long each answer of the server is held back (a loaded machine), 0 for none. */
    private volatile long answerDelayMillis;
    /** Reads of the server's answers relayed (a Redis reply is one read). */
    private final java.util.concurrent.atomic.AtomicLong answers = new java.util.concurrent.atomic.AtomicLong();

    TcpRelay(String targetHost, int targetPort) throws IOException {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        try (ServerSocket probe = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        restore();
    }

    /** A relay to this machine's Redis (REGISTRY_TEST_REDIS_PORT, else 6379), for a test profile's static field. */
    static TcpRelay toRedis() {
        try {
            return new TcpRelay("127.0.0.1", Integer.parseInt(System.getenv().getOrDefault("REGISTRY_TEST_REDIS_PORT", "6379")));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    int port() {
        return port;
    }

    /** Refuses new connections and drops the open ones. */
    synchronized void cut() throws IOException {
        server.close();
        for (Socket s : open) {
            s.close();
        }
        open.clear();
    }

    /** Holds each answer of the server back this long (0: none), as a slow or loaded server would. */
    void delayAnswers(long millis) {
        answerDelayMillis = millis;
    }

    /** How many reads of answers were relayed so far: about one per request to a server that answers each at once. */
    long answers() {
        return answers.get();
    }

    synchronized void restore() throws IOException {
        ServerSocket listening = new ServerSocket();
        listening.setReuseAddress(true);
        listening.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        server = listening;
        daemon(() -> {
            while (!listening.isClosed()) {
                try {
                    Socket client = listening.accept();
                    Socket target = new Socket(targetHost, targetPort);
                    open.add(client);
                    open.add(target);
                    pump(client, target, false);
                    pump(target, client, true);
                } catch (IOException closed) {
                    return;
                }
            }
        });
    }

    private void pump(Socket from, Socket to, boolean answers) {
        daemon(() -> {
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                byte[] buffer = new byte[8192];
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    if (answers) {
                        this.answers.incrementAndGet();
                    }
                    if (answers && answerDelayMillis > 0) {
                        Thread.sleep(answerDelayMillis);
                    }
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException | InterruptedException dropped) {
                // the relay was cut, or a side closed
            } finally {
                try {
                    from.close();
                    to.close();
                } catch (IOException ignored) {
                    // already closed
                }
            }
        });
    }

    private static void daemon(Runnable task) {
        Thread t = new Thread(task, "tcp-relay");
        t.setDaemon(true);
        t.start();
    }
}
