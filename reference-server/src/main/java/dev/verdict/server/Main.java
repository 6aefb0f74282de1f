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
        if (args.length > 0 && dev.verdict.server.persistence.check.Checker.isSubcommand(args[0])) {
            System.exit(dev.verdict.server.persistence.check.Checker.run(args, System.out));
            return;
        }
        // Netty's default leak tracking records a stack trace for one buffer in 128, a cost on every
        // reply path; a standalone server runs without it unless -Dio.netty.leakDetection.level asks.
        if (System.getProperty("io.netty.leakDetection.level") == null) {
            io.netty.util.ResourceLeakDetector.setLevel(io.netty.util.ResourceLeakDetector.Level.DISABLED);
        }
        Log.role('C');
        Log.warning("oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo");
        Log.warning("Redis version=" + ServerContext.REDIS_VERSION + ", bits=64, commit=00000000, modified=0, pid="
                + ProcessHandle.current().pid() + ", just started (Verdict reference server)");
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
        Log.warning(config.configFile() == null
                ? "Warning: no config file specified, using the default config. In order to specify a config file use java -jar reference-server.jar /path/to/redis.conf"
                : "Configuration loaded");
        Log.role('M');
        RedisServer server;
        try {
            server = RedisServer.start(config);
        } catch (dev.verdict.server.persistence.LoadingException e) {
            System.exit(1);
            return;
        } catch (RuntimeException e) {
            Log.warning("Warning: Could not create server TCP listening socket " + config.get("bind") + ":"
                    + config.get("port") + ": " + e.getMessage());
            Log.warning("Failed listening on port " + config.get("port") + " (TCP), aborting.");
            System.exit(1);
            return;
        }
        // other ways out of the JVM still close the server; SIGTERM and SIGINT schedule a SHUTDOWN
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "verdict-shutdown"));
        ShutdownSignals.install(server);
        Log.notice("Running mode=standalone, port=" + server.port() + ".");
        Log.warning("Server initialized");
        Log.notice("Ready to accept connections");
        try {
            server.awaitClosed();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
