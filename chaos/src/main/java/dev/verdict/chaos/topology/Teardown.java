package dev.verdict.chaos.topology;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Closes every container and network a topology still holds when the JVM exits, so an
 * interrupted experiment (Ctrl-C, a surefire timeout) leaves nothing behind. Normal runs release
 * their resources themselves through try-with-resources first.
 */
public final class Teardown {

    private static final Set<AutoCloseable> LIVE = Collections.synchronizedSet(new LinkedHashSet<>());

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(Teardown::closeAll, "chaos-teardown"));
    }

    private Teardown() {
    }

    public static <T extends AutoCloseable> T atExit(T resource) {
        LIVE.add(resource);
        return resource;
    }

    public static void release(AutoCloseable resource) {
        LIVE.remove(resource);
    }

    /** What is still open: empty once every topology has been closed. */
    public static List<AutoCloseable> live() {
        synchronized (LIVE) {
            return new ArrayList<>(LIVE);
        }
    }

    static void closeAll() {
        List<AutoCloseable> live;
        synchronized (LIVE) {
            live = new ArrayList<>(LIVE);
        }
        Collections.reverse(live);
        for (AutoCloseable resource : live) {
            try {
                resource.close();
            } catch (Exception e) {
                // Best effort at exit: keep closing the rest.
            }
        }
    }

    /** Closes them all in reverse order, keeping the first failure for the caller. */
    public static void closeQuietly(List<? extends AutoCloseable> resources) {
        RuntimeException first = null;
        List<AutoCloseable> reversed = new ArrayList<>(resources);
        Collections.reverse(reversed);
        for (AutoCloseable r : reversed) {
            try {
                r.close();
            } catch (Exception e) {
                if (first == null) {
                    first = new IllegalStateException("teardown failed", e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
