package dev.verdict.server;

/** Test-only bridge to an embedded server's context, for tests outside this package. */
public final class ServerInternals {

    private ServerInternals() {
    }

    public static ServerContext context(RedisServer server) {
        return server.context();
    }
}
