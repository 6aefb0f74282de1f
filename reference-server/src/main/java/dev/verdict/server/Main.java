package dev.verdict.server;

import dev.verdict.server.config.ConfigException;
import dev.verdict.server.config.ServerConfig;

/**
 * {@code java -jar reference-server.jar [redis.conf] [--name value ...]}: redis-server's own
 * command line.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        ServerConfig config;
        try {
            config = ServerConfig.fromArgs(args);
        } catch (ConfigException e) {
            System.err.println();
            System.err.println("*** FATAL CONFIG FILE ERROR (Redis " + ServerContext.REDIS_VERSION + ") ***");
            System.err.println(e.getMessage());
            System.exit(1);
            return;
        }
        Log.notice("Verdict reference server (Redis " + ServerContext.REDIS_VERSION + " compatible) starting, pid="
                + ProcessHandle.current().pid());
        RedisServer server;
        try {
            server = RedisServer.start(config);
        } catch (RuntimeException e) {
            Log.warning("Failed listening on port " + config.get("port") + " (tcp), aborting: " + e.getMessage());
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "verdict-shutdown"));
        Log.notice("Running mode=standalone, port=" + server.port() + ".");
        Log.notice("Server initialized");
        Log.notice("Ready to accept connections");
    }
}
