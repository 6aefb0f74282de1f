package dev.verdict.conformance.spec;

import java.util.ArrayList;
import java.util.List;

/**
 * The targets every spec suite of this JVM shares, started once and stopped at the end of the
 * run (JUnit closes it with the root extension store).
 */
final class SpecEnvironment implements AutoCloseable {

    private final List<SpecTarget> targets = new ArrayList<>();
    private final List<AutoCloseable> owned = new ArrayList<>();
    private final TargetAdmin admin = new TargetAdmin();

    SpecEnvironment() {
        TemporaryRedisProcess redis = TemporaryRedisProcess.start();
        owned.add(redis);
        targets.add(new SpecTarget("redis-7.0.15 (process)", "REDIS_PROCESS", "127.0.0.1", redis.port()));
    }

    List<SpecTarget> targets() {
        return targets;
    }

    TargetAdmin admin() {
        return admin;
    }

    @Override
    public void close() {
        admin.close();
        for (AutoCloseable c : owned) {
            try {
                c.close();
            } catch (Exception e) {
                System.err.println("spec: could not stop a target: " + e);
            }
        }
    }
}
