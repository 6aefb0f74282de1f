package dev.verdict.chaos.topology;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A TCP proxy in front of one local node, at the address its peers and clients use, that can
 * cut, slow down and lose its traffic: the fault proxy that stands in for iptables and netem
 * where nodes are local processes.
 *
 * <p>To cut the link between two nodes it must know who is connecting. Data nodes connect from
 * their own loopback address ({@code bind-source-addr}); Sentinels cannot (they connect from
 * 127.0.0.1 whatever their bind address) but name every link {@code sentinel-<id>-cmd|pub} with
 * CLIENT SETNAME as its first command, which the proxy reads. Everything else is a client of the
 * test and is never cut. A cut connection is a black hole (bytes are swallowed, as with an
 * iptables DROP); when the cut heals it is closed so both ends reconnect.
 */
final class FaultProxy implements AutoCloseable {

    static final String CLIENT = "client";
    private static final Pattern SENTINEL_NAME = Pattern.compile("sentinel-([0-9a-f]{8})-(cmd|pub)");
    /** How long a "lost" chunk waits, like a TCP retransmission. */
    private static final long RETRANSMIT_MS = 200;

    private final String ip;
    private final ServerSocket server;
    private final int targetPort;
    private final Set<String> cut = ConcurrentHashMap.newKeySet();
    private final Map<Socket, String> connections = new ConcurrentHashMap<>();
    private volatile long delayMs;
    private volatile double lossProbability;
    private volatile long bytesPerSecond;
    private volatile boolean closed;

    FaultProxy(String ip, int listenPort, int targetPort) {
        this.ip = ip;
        this.targetPort = targetPort;
        try {
            this.server = new ServerSocket();
            server.setReuseAddress(true);
            server.bind(new InetSocketAddress(InetAddress.getByName(ip), listenPort));
        } catch (IOException e) {
            throw new IllegalStateException("cannot listen on " + ip + ":" + listenPort, e);
        }
        Thread acceptor = new Thread(this::accept, "fault-proxy-" + ip + ":" + listenPort);
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** The identity of a data node: its loopback address. */
    static String dataNode(String ip) {
        return "ip:" + ip;
    }

    /** The identity of a Sentinel: the first 8 characters of its id, as it names its links. */
    static String sentinel(String myId) {
        return "sentinel:" + myId.substring(0, 8);
    }

    void cut(String identity) {
        cut.add(identity);
    }

    void heal(String identity) {
        cut.remove(identity);
        connections.forEach((socket, who) -> {
            if (who.equals(identity)) {
                closeQuietly(socket);
            }
        });
    }

    void delay(long ms) {
        this.delayMs = ms;
    }

    void loss(double probability) {
        this.lossProbability = probability;
    }

    void rate(long bytesPerSecond) {
        this.bytesPerSecond = bytesPerSecond;
    }

    private void accept() {
        while (!closed) {
            try {
                Socket downstream = server.accept();
                downstream.setTcpNoDelay(true);
                Thread t = new Thread(() -> serve(downstream), "fault-proxy-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                if (!closed) {
                    Await.sleep(10);
                }
            }
        }
    }

    private void serve(Socket downstream) {
        String source = downstream.getInetAddress().getHostAddress();
        try (downstream; Socket upstream = new Socket()) {
            InputStream in = downstream.getInputStream();
            byte[] first = new byte[4096];
            int n = in.read(first);
            if (n < 0) {
                return;
            }
            String who = identify(source, new String(first, 0, n, StandardCharsets.ISO_8859_1));
            connections.put(downstream, who);
            upstream.setTcpNoDelay(true);
            upstream.bind(new InetSocketAddress(InetAddress.getByName(ip), 0));
            upstream.connect(new InetSocketAddress(InetAddress.getByName(ip), targetPort), 1000);
            connections.put(upstream, who);
            forward(who, first, n, upstream.getOutputStream());
            Thread back = new Thread(() -> pump(who, upstream, downstream), "fault-proxy-back");
            back.setDaemon(true);
            back.start();
            pump(who, downstream, upstream);
        } catch (IOException e) {
            // A peer went away or the node is dead: the other side sees the connection close.
        } finally {
            connections.remove(downstream);
        }
    }

    private static String identify(String source, String firstBytes) {
        if (!source.equals("127.0.0.1")) {
            return dataNode(source);
        }
        Matcher m = SENTINEL_NAME.matcher(firstBytes);
        return m.find() ? "sentinel:" + m.group(1) : CLIENT;
    }

    private void pump(String who, Socket from, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            int n;
            while ((n = in.read(buffer)) >= 0) {
                forward(who, buffer, n, out);
            }
        } catch (IOException e) {
            // Closed on one side: close the other too.
        } finally {
            connections.remove(from);
            closeQuietly(to);
            closeQuietly(from);
        }
    }

    private void forward(String who, byte[] bytes, int n, OutputStream out) throws IOException {
        if (cut.contains(who)) {
            return; // swallowed, as a DROP rule would
        }
        long wait = delayMs;
        if (lossProbability > 0 && ThreadLocalRandom.current().nextDouble() < lossProbability) {
            wait += RETRANSMIT_MS;
        }
        long rate = bytesPerSecond;
        if (rate > 0) {
            wait += n * 1000L / rate;
        }
        if (wait > 0) {
            Await.sleep(wait);
        }
        out.write(bytes, 0, n);
        out.flush();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // Already closed.
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException ignored) {
            // Closing anyway.
        }
        connections.keySet().forEach(FaultProxy::closeQuietly);
    }
}
