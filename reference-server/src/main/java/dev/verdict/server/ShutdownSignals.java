package dev.verdict.server;

import sun.misc.Signal;

/**
 * SIGTERM and SIGINT as redis-server takes them (sigShutdownHandler): the shutdown is scheduled
 * and begun by the cron with {@code shutdown-on-sigterm}/{@code shutdown-on-sigint}'s flags, so
 * it waits for lagging replicas and can be cancelled by SHUTDOWN ABORT, which a JVM shutdown
 * hook could not offer (the JVM's exit is already decided when hooks run). A second SIGINT
 * exits at once with status 1. Installed by {@link Main} only: an embedded server leaves the
 * JVM's signals alone.
 */
final class ShutdownSignals {

    private ShutdownSignals() {
    }

    static void install(RedisServer server) {
        for (String name : new String[]{"TERM", "INT"}) {
            Signal.handle(new Signal(name), signal -> onSignal(server, name));
        }
    }

    private static void onSignal(RedisServer server, String name) {
        boolean[] scheduled = {true};
        try {
            server.runOnLoop(() -> scheduled[0] = server.context().shutdownSequence().signalled(name));
        } catch (IllegalStateException e) {
            return; // the loop is already gone: the server is closing
        }
        if (!scheduled[0]) Runtime.getRuntime().halt(1);
    }
}
