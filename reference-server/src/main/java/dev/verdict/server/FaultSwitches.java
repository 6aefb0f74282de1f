package dev.verdict.server;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Test-only bugs that can be planted in the server on purpose, so that tests can show the harness
 * catches them (the differential engine finds them, the gate names them as regressions). Read
 * once, when a server starts, from the system property {@code verdict.fault} (comma-separated
 * names); without it, every switch is off and the server behaves like Redis.
 */
public final class FaultSwitches {

    public static final String PROPERTY = "verdict.fault";

    /** LRANGE returns one element too many when its end index is not negative. */
    public static final String LRANGE_OFF_BY_ONE = "lrange-off-by-one";

    /** GETRANGE returns one byte too many when its end index is not negative. */
    public static final String GETRANGE_OFF_BY_ONE = "getrange-off-by-one";

    private static final FaultSwitches NONE = new FaultSwitches(Set.of());

    private final Set<String> on;

    private FaultSwitches(Set<String> on) {
        this.on = on;
    }

    public static FaultSwitches fromSystemProperty() {
        String value = System.getProperty(PROPERTY);
        if (value == null || value.isBlank()) {
            return NONE;
        }
        return new FaultSwitches(Arrays.stream(value.split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toUnmodifiableSet()));
    }

    public boolean on(String name) {
        return on.contains(name);
    }
}
