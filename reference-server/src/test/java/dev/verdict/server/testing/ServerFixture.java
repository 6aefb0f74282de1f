package dev.verdict.server.testing;

import dev.verdict.server.RedisServer;
import dev.verdict.server.config.ServerConfig;

import java.util.ArrayList;
import java.util.List;

/** One in-JVM server on a free port, plus the connections a test opened to it. */
public final class ServerFixture implements AutoCloseable {

    private final RedisServer server;
    private final List<RespConnection> connections = new ArrayList<>();

    public ServerFixture(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        int afterConfigFile = !all.isEmpty() && !all.get(0).startsWith("--") ? 1 : 0;
        all.addAll(afterConfigFile, List.of("--port", "0"));
        server = RedisServer.start(ServerConfig.fromArgs(all.toArray(new String[0])));
    }

    public RedisServer server() {
        return server;
    }

    public int port() {
        return server.port();
    }

    public RespConnection connect() {
        RespConnection c = new RespConnection(server.port());
        connections.add(c);
        return c;
    }

    @Override
    public void close() {
        connections.forEach(RespConnection::close);
        server.close();
    }
}
