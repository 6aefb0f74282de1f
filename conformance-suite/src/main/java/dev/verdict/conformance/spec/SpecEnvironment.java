package dev.verdict.conformance.spec;

import dev.verdict.conformance.target.Target;
import dev.verdict.conformance.target.TargetSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The targets every spec suite of this JVM shares, started once and stopped at the end of the
 * run (JUnit closes it with the root extension store). {@code -Dverdict.targets} chooses them;
 * by default the in-JVM reference server and real Redis, as a container when Docker works,
 * else as a local process.
 */
final class SpecEnvironment implements AutoCloseable {

    private final List<SpecTarget> targets = new ArrayList<>();
    private final List<Target> started = new ArrayList<>();
    private final TargetAdmin admin = new TargetAdmin();

    SpecEnvironment() {
        for (TargetSpec spec : chosen()) {
            Optional<String> reason = spec.unavailableReason();
            if (reason.isPresent()) {
                targets.add(SpecTarget.unavailable(spec.text(), spec.kind().name(), reason.get()));
                continue;
            }
            Target target = spec.create();
            try {
                target.start();
            } catch (RuntimeException e) {
                target.stop();
                targets.add(SpecTarget.unavailable(spec.text(), spec.kind().name(), "failed to start: " + e));
                continue;
            }
            started.add(target);
            targets.add(SpecTarget.running(target.name(), target.kind().name(),
                    target.endpoint().host(), target.endpoint().port()));
        }
    }

    private static List<TargetSpec> chosen() {
        if (!System.getProperty(TargetSpec.TARGETS_PROPERTY, "").isBlank()) {
            return TargetSpec.selected();
        }
        TargetSpec container = TargetSpec.parse("redis-container");
        TargetSpec redis = container.unavailableReason().isEmpty() ? container : TargetSpec.parse("redis-process");
        return List.of(TargetSpec.parse("reference"), redis);
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
        for (Target t : started) {
            try {
                t.stop();
            } catch (RuntimeException e) {
                System.err.println("spec: could not stop " + t.name() + ": " + e);
            }
        }
    }
}
