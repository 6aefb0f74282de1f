package dev.verdict.chaos.topology;

import dev.verdict.conformance.target.TargetSpec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Nodes as local redis-server processes, each on its own loopback address (127.0.0.x) and a
 * free port, so addresses tell nodes apart as container addresses do. Data nodes bind their
 * outgoing connections to their own address too ({@code bind-source-addr}). Each node's server
 * listens on a private port; the address it announces is its {@link FaultProxy}'s.
 */
public final class ProcessNodes implements NodeFactory {

    private final String kind;
    /** How a data node's server is started, before its directives. */
    private final List<String> serverCommand;

    /** Start somewhere random in 127.0.0.10-249 so parallel runs rarely share an address; ports are free-checked anyway. */
    private final AtomicInteger nextHost = new AtomicInteger(10 + ThreadLocalRandom.current().nextInt(200));

    static String redisServer() {
        return System.getProperty("verdict.redis.binary", "redis-server");
    }

    /** Data nodes and Sentinels are real Redis processes. */
    public ProcessNodes() {
        this("process", List.of(redisServer()));
    }

    private ProcessNodes(String kind, List<String> serverCommand) {
        this.kind = kind;
        this.serverCommand = List.copyOf(serverCommand);
    }

    /**
     * Data nodes are the reference server's jar (it takes redis-server's directives); Sentinels
     * stay real {@code redis-sentinel}, which then watches and fails over our servers.
     */
    public static ProcessNodes reference() {
        return new ProcessNodes("reference", TargetSpec.referenceProcessCommand());
    }

    @Override
    public String kind() {
        return kind;
    }

    @Override
    public RedisNode server(String name, Map<String, String> config) {
        String ip = nextIp();
        int port = freePort(ip);
        int serverPort = freePort(ip);
        Path dir = tempDir(name);
        Map<String, String> all = new LinkedHashMap<>();
        all.put("port", String.valueOf(serverPort));
        all.put("replica-announce-port", String.valueOf(port));
        all.put("bind", ip);
        all.put("bind-source-addr", ip);
        all.put("protected-mode", "no");
        all.put("dir", dir.toString());
        all.put("enable-debug-command", "yes");
        all.put("replica-announce-ip", ip);
        all.putAll(config);
        List<String> args = new ArrayList<>(serverCommand);
        all.forEach((k, v) -> {
            args.add("--" + k);
            args.addAll(List.of(v.split(" ")));
        });
        return ProcessNode.start(name, ip, port, serverPort, dir, args, false);
    }

    @Override
    public RedisNode sentinel(String name, List<String> directives) {
        String ip = nextIp();
        int port = freePort(ip);
        int serverPort = freePort(ip);
        Path dir = tempDir(name);
        List<String> lines = new ArrayList<>();
        lines.add("port " + serverPort);
        lines.add("bind " + ip);
        lines.add("dir " + dir);
        lines.add("sentinel announce-ip " + ip);
        lines.add("sentinel announce-port " + port);
        lines.addAll(directives);
        Path conf = dir.resolve("sentinel.conf");
        try {
            Files.writeString(conf, String.join("\n", lines) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ProcessNode.start(name, ip, port, serverPort, dir, List.of(redisServer(), conf.toString(), "--sentinel"), true);
    }

    private String nextIp() {
        int host = nextHost.getAndIncrement();
        return "127.0.0." + (10 + (host - 10) % 240);
    }

    private static int freePort(String ip) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(ip), 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on " + ip, e);
        }
    }

    private static Path tempDir(String name) {
        try {
            return Files.createTempDirectory("verdict-chaos-" + name + "-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        // Each node removes its own folder when closed.
    }
}
