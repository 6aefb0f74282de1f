package dev.verdict.conformance.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.output.OutputFrame;
import org.testcontainers.containers.startupcheck.OneShotStartupCheckStrategy;

class JavaRuntimeImageTest {

    @Test
    void runtimeBuiltWithoutARegistryRunsThisJvmsJavaVersion() {
        assumeTrue(Docker.available(), "no Docker engine answers");
        assumeTrue(JavaRuntimeImage.jlink().isPresent(), "no jlink in this JDK");
        String image = JavaRuntimeImage.resolve();
        assertThat(image).startsWith(JavaRuntimeImage.REPOSITORY + ":" + Runtime.version().feature());
        try (GenericContainer<?> java = new GenericContainer<>(image)
                .withLabels(Ownership.labels())
                .withCommand(JavaRuntimeImage.JAVA_HOME_IN_IMAGE + "/bin/java", "-XX:-UsePerfData", "-version")
                .withStartupCheckStrategy(new OneShotStartupCheckStrategy().withTimeout(Duration.ofSeconds(30)))) {
            java.start();
            assertThat(java.getLogs(OutputFrame.OutputType.STDERR))
                    .contains("version \"" + Runtime.version().feature());
        }
    }
}
