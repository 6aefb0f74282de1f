package dev.verdict.conformance.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TargetSpecTest {

    @Test
    void namedKindsParseToTheirKinds() {
        assertThat(TargetSpec.parse("reference").kind()).isEqualTo(TargetKind.REFERENCE_IN_JVM);
        assertThat(TargetSpec.parse("reference-process").kind()).isEqualTo(TargetKind.REFERENCE_PROCESS);
        assertThat(TargetSpec.parse("reference-container").kind()).isEqualTo(TargetKind.REFERENCE_CONTAINER);
        assertThat(TargetSpec.parse(" redis-container ").kind()).isEqualTo(TargetKind.REDIS_CONTAINER);
        assertThat(TargetSpec.parse("redis-process").kind()).isEqualTo(TargetKind.REDIS_PROCESS);
    }

    @Test
    void imagesBinariesAndEndpointsParseToContainersProcessesAndExternals() {
        assertThat(TargetSpec.parse("image:redis:7.2").kind()).isEqualTo(TargetKind.REDIS_CONTAINER);
        assertThat(TargetSpec.parse("binary:/usr/bin/redis-server").kind()).isEqualTo(TargetKind.REDIS_PROCESS);
        assertThat(TargetSpec.parse("localhost:6379").kind()).isEqualTo(TargetKind.EXTERNAL);
    }

    @Test
    void unknownSpecIsRejectedWithTheAcceptedForms() {
        assertThatThrownBy(() -> TargetSpec.parse("redis"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown target 'redis'")
                .hasMessageContaining("host:port");
    }

    @Test
    void selectedTargetsComeFromTheSystemPropertyOrAreEveryLocalKind() {
        String saved = System.getProperty(TargetSpec.TARGETS_PROPERTY);
        try {
            System.setProperty(TargetSpec.TARGETS_PROPERTY, "reference, redis-container");
            assertThat(TargetSpec.selected()).extracting(TargetSpec::text).containsExactly("reference", "redis-container");
            System.clearProperty(TargetSpec.TARGETS_PROPERTY);
            assertThat(TargetSpec.selected()).extracting(TargetSpec::text).containsExactlyElementsOf(TargetSpec.LOCAL);
        } finally {
            if (saved != null) {
                System.setProperty(TargetSpec.TARGETS_PROPERTY, saved);
            }
        }
    }

    @Test
    void missingBinaryIsReportedAsTheReasonTheTargetCannotStart() {
        assertThat(TargetSpec.parse("binary:/nonexistent/redis-server").unavailableReason())
                .hasValue("/nonexistent/redis-server is not an executable file");
    }

    @Test
    void freePortsAreNeverHandedOutTwice() {
        Set<Integer> ports = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            assertThat(ports.add(FreePorts.allocate())).isTrue();
        }
    }
}
